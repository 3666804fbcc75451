package io.strata.bootstrap.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of the Standard Webhooks specification, written from the specification and not from Strata's
 * signer: the signed content is {@code webhook-id + "." + webhook-timestamp + "." + body}; the key is the base64
 * after {@code whsec_}; {@code webhook-signature} holds space-separated {@code v1,<base64 HMAC-SHA256>}; a message
 * is authentic when any of them matches (constant-time comparison).
 */
final class StandardWebhooksVerifier {
    private StandardWebhooksVerifier() {}

    static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return Arrays.stream(signatureHeader.split(" "))
                .filter(s -> s.startsWith("v1,"))
                .map(s -> Base64.getDecoder().decode(s.substring(3)))
                .anyMatch(given -> java.security.MessageDigest.isEqual(given, expected));
    }
}
