import pino from "pino";
import { env } from "@/lib/env";

/** The one structured JSON logger. Child loggers carry context such as `analysisId`, `attempt`. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: process.env.CLAUSEFLOW_SERVICE ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
