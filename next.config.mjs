// Powerful browser features the app never uses, off for it and anything it could embed.
const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "serial",
  "usb",
  "xr-spatial-tracking",
  "browsing-topics",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image (Dockerfile) builds with NEXT_OUTPUT=standalone: a self-contained server.js
  // that needs no `next` CLI. Local builds and tests skip the file tracing it costs.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
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
    // Portfolio XLSX export: large CommonJS package with dynamic requires.
    "exceljs",
    "docx",
  ],
  // The standalone image copies only traced files: pdf.js's worker is read from node_modules at
  // run time by app/pdfjs/worker/route.ts, so name it.
  outputFileTracingIncludes: {
    "/pdfjs/worker": ["./node_modules/pdfjs-dist/build/pdf.worker.min.mjs"],
  },
  poweredByHeader: false,
  // `npm test` (scripts/test.ts) runs `next typegen` + `tsc --noEmit` over the same files, route
  // types included, just before it builds, and sets this variable for the build alone: the check
  // would run twice. Every other build (`npm run build`, deployments, CI without the runner)
  // still fails on a type error.
  typescript: { ignoreBuildErrors: process.env.CLAUSEFLOW_TYPES_CHECKED === "1" },
  typedRoutes: false,
  // No `serverActions.allowedOrigins`: Next itself refuses a server action whose Origin is not
  // this host (tests/integration/csrf.test.ts proves it). Request- and deployment-dependent
  // headers (the pages' CSP nonce, HSTS) are set at run time in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      {
        // JSON, memos and metrics never run script or load anything; pages get theirs in proxy.ts.
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
      {
        // Icons and the social card: opened on their own (the SVG is a document), they run nothing.
        source: "/brand/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
