package io.strata.adapters.web.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.strata.adapters.web.shared.FilterPaths;
import io.strata.adapters.web.shared.Problems;

/**
 * tus's version handshake for the resumable upload endpoints: every response says {@code Tus-Resumable: 1.0.0};
 * a request (other than OPTIONS) without that version is refused with 412 and {@code Tus-Version}, before
 * authentication, so even refusals carry the protocol headers.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class TusProtocolFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    public @Nullable HttpResponse<?> requireVersion(HttpRequest<?> request) {
        if (!FilterPaths.under(request, TusUploadController.BASE) || request.getMethod() == HttpMethod.OPTIONS) {
            return null;
        }
        String version = request.getHeaders().get(TusUploadController.TUS_RESUMABLE);
        if (TusUploadController.VERSION.equals(version)) {
            return null;
        }
        return Problems.forStatus(
                        request, HttpStatus.PRECONDITION_FAILED, "Tus-Resumable must be " + TusUploadController.VERSION)
                .header("Tus-Version", TusUploadController.VERSION)
                .header(TusUploadController.TUS_RESUMABLE, TusUploadController.VERSION); // not seen by answerVersion
    }

    @ResponseFilter
    public void answerVersion(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!FilterPaths.under(request, TusUploadController.BASE)) {
            return;
        }
        response.header(TusUploadController.TUS_RESUMABLE, TusUploadController.VERSION);
    }
}
