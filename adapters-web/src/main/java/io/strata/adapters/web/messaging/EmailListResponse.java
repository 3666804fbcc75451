package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** E-mails in order (a thread, oldest first). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "EmailList")
public record EmailListResponse(List<EmailResponse> items) {}
