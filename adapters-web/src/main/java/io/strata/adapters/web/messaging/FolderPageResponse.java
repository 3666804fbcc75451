package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of a folder, newest first, with the folder's counts (unfiltered) and the next page's cursor. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "MailFolderPage")
public record FolderPageResponse(
        String folder,
        long total,
        long unread,
        List<EmailResponse> items,

        @Schema(description = "Pass as ?cursor= for the next (older) page; null on the last page") @Nullable String next) {}
