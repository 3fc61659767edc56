export { extractDocumentText } from "./extract-document-text";
export { type DocumentInspection, inspectDocument } from "./inspect-document";
export { contentDispositionAttachment, sanitizeFilename } from "./sanitize-filename";
export {
  DOCX_MIME_TYPE,
  PDF_MIME_TYPE,
  sniffDocumentType,
  TEXT_MIME_TYPE,
} from "./sniff-document-type";
export type {
  ExtractedText,
  ExtractOptions,
  SniffedDocumentType,
  TextUnit,
} from "./types";
