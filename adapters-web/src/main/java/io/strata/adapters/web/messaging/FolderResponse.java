package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A folder with its total and unread counts. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "MailFolder")
public record FolderResponse(String folder, long total, long unread) {}
