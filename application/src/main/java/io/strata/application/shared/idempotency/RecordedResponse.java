package io.strata.application.shared.idempotency;

/**
 * The first response to a creating request, kept for replays: status, content type, body and the
 * remembered headers (a JSON object). Opaque to the application: the web adapter writes and reads it.
 */
public record RecordedResponse(int status, String contentType, byte[] body, String headersJson) {}
