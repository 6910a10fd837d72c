package dev.flexkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import dev.flexkit.sandbox.webhooks.TwilioSignature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our webhook signatures must pass twilio-java's own validator, as real Twilio's do. */
class TwilioSignatureTest {
  @Test
  void signaturesVerifyWithTwilioJavasRequestValidator() {
    String token = "12345";
    String url = "https://kit.example.com/webhooks/conversations?tenant=a";
    Map<String, List<String>> params =
        Map.of(
            "EventType", List.of("onMessageAdded"),
            "Body", List.of("Hello, é & ümlaut"),
            "ConversationSid", List.of("CH" + "0".repeat(32)));
    String signature = TwilioSignature.sign(token, url, params);

    Map<String, String> flat = new HashMap<>();
    params.forEach((k, v) -> flat.put(k, v.get(0)));
    assertThat(new RequestValidator(token).validate(url, flat, signature)).isTrue();
    assertThat(new RequestValidator("other").validate(url, flat, signature)).isFalse();
    flat.put("Body", "tampered");
    assertThat(new RequestValidator(token).validate(url, flat, signature)).isFalse();
  }
}
