package dev.flexkit.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.conversations.v1.Conversation;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.SandboxAccount;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BaseUrlHttpClientTest {
  @Test
  void twilioJavaReachesTheSandboxAndSeesTwilioErrors() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      SandboxAccount account = kit.sandbox().account();
      kit.sandbox().calls().clear(); // start-up registers our webhooks through the emulator
      URI base = kit.url("/twilio");
      TwilioRestClient good =
          TwilioClients.emulated(base, account.accountSid(), account.authToken()).client();
      assertThatThrownBy(() -> Conversation.fetcher("CH" + "0".repeat(32)).fetch(good))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(404);
                assertThat(e.getCode()).isEqualTo(20404);
              });
      TwilioRestClient forged =
          TwilioClients.emulated(base, account.accountSid(), "forged").client();
      assertThatThrownBy(() -> Conversation.fetcher("CH" + "0".repeat(32)).fetch(forged))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20003));
      assertThat(kit.sandbox().calls().all())
          .extracting(c -> c.path())
          .containsOnly("/conversations/v1/Conversations/CH" + "0".repeat(32));
    }
  }
}
