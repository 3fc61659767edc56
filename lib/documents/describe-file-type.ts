import type { FileTypeResult } from "file-type";

const descriptions: Record<string, string> = {
  png: "a PNG image",
  jpg: "a JPEG image",
  gif: "a GIF image",
  webp: "a WebP image",
  heic: "a HEIC photo",
  tif: "a TIFF image",
  bmp: "a BMP image",
  svg: "an SVG image",
  zip: "a ZIP archive",
  rar: "a RAR archive",
  "7z": "a 7-Zip archive",
  gz: "a gzip archive",
  tar: "a TAR archive",
  xlsx: "an Excel spreadsheet",
  xlsm: "a macro-enabled Excel spreadsheet",
  pptx: "a PowerPoint presentation",
  pptm: "a macro-enabled PowerPoint presentation",
  odt: "an OpenDocument text file (save it as DOCX or PDF)",
  ods: "an OpenDocument spreadsheet",
  odp: "an OpenDocument presentation",
  epub: "an EPUB e-book",
  cfb: "an older Office file such as .doc or .xls, or a password-protected Office file (save it as DOCX or PDF)",
  rtf: "an RTF document (save it as DOCX or PDF)",
  xml: "an XML file",
  html: "an HTML page",
  ps: "a PostScript file",
  eps: "an EPS file",
  exe: "a Windows program",
  elf: "a Linux program",
  mp3: "an MP3 audio file",
  mp4: "an MP4 video",
  mov: "a QuickTime video",
  wav: "a WAV audio file",
};

/** Human wording for "This looks like …" in the unsupported-type message. */
export function describeFileType(type: FileTypeResult): string {
  return descriptions[type.ext] ?? `a .${type.ext} file (${type.mime})`;
}
