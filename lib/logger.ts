import pino from "pino";
import { env } from "@/lib/env";

/** The one structured JSON logger. Child loggers carry context such as `analysisId`, `attempt`. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: env.CLAUSEFLOW_SERVICE },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
