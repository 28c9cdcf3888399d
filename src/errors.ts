/** @module Typed errors: each carries a stable `code` and the HTTP status it maps to. */

export type ErrorCode =
  | 'config_error'
  | 'invalid_input'
  | 'invalid_json'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'rate_limited'
  | 'provider_error'
  | 'provider_timeout'
  | 'index_error'
  | 'internal_error'
  | 'overloaded'
  | 'shutting_down';

export class AppError extends Error {
  override readonly name: string = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ConfigError extends AppError {
  override readonly name = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('config_error', 500, message, options);
  }
}

export class InputError extends AppError {
  override readonly name = 'InputError';
  constructor(message: string, code: ErrorCode = 'invalid_input', status = 400) {
    super(code, status, message);
  }
}

export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  constructor(message: string) {
    super('not_found', 404, message);
  }
}

export class ProviderError extends AppError {
  override readonly name = 'ProviderError';
  /** The provider fell silent for its time limit (before or during its reply). */
  readonly timeout: boolean;
  /** The provider failed after part of its reply had been used: trying again would repeat it. */
  readonly partial: boolean;
  constructor(message: string, options?: { cause?: unknown; timeout?: boolean; partial?: boolean }) {
    super(options?.timeout ? 'provider_timeout' : 'provider_error', options?.timeout ? 504 : 502, message, options);
    this.timeout = options?.timeout ?? false;
    this.partial = options?.partial ?? false;
  }
}

export class IndexLoadError extends AppError {
  override readonly name = 'IndexLoadError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('index_error', 500, message, options);
  }
}
