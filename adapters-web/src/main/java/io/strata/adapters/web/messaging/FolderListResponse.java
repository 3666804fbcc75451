package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every folder of the caller with its counts. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "MailFolderList")
public record FolderListResponse(List<FolderResponse> items) {}
