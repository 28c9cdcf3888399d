/** @module A logger for people at a terminal: `message  key=value …` lines on stderr instead of JSON. */
import { createLogger, type Logger, type LogLevel } from '../log.ts';

export function readableLogger(level: LogLevel | 'silent' = 'info'): Logger {
  return createLogger(level, (line) => {
    const { time: _time, level: lvl, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const details = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`);
    process.stderr.write(`${lvl === 'info' ? '' : `${String(lvl)}: `}${String(msg)}${details.length ? `  ${details.join(' ')}` : ''}\n`);
  });
}
