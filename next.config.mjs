/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native code, workers or dynamic requires stay out of the bundle.
  serverExternalPackages: [
    "@node-rs/argon2",
    "bullmq",
    "ioredis",
    "pino",
    "postgres",
    "unpdf",
    "mammoth",
    "busboy",
    "file-type",
    "jszip",
    "prom-client",
    // Forks its child processes from its own files (entry/process.js next to its dist).
    "tinypool",
    // Memo exports: pdfmake/PDFKit read their data files from their own folders at run time.
    "pdfmake",
    "pdfkit",
    "docx",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
