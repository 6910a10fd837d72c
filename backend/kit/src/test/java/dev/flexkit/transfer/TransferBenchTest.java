package dev.flexkit.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flexkit.web.ApiException;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class on one {@link TransferBench}; each test starts with an empty log of Twilio steps.
 */
abstract class TransferBenchTest {
  @TempDir static Path dir;
  static TransferBench bench;
  FakeInteractionSteps twilio;

  @BeforeAll
  static void openBench() {
    bench = new TransferBench(dir);
  }

  @AfterAll
  static void closeBench() {
    bench.close();
  }

  @BeforeEach
  void emptyTheLog() {
    twilio = bench.twilio;
    twilio.forget();
  }

  /** The refusal {@code call} ends in, as "status code". */
  static String refusal(ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ApiException.class);
    ApiException e = (ApiException) thrown;
    return e.status() + " " + e.toError().error().code();
  }

  /** The transfer as stored now ended in {@code status}, for {@code reason}. */
  static void assertEnded(Transfer t, Transfer.Status status, String reason) {
    Transfer now = bench.store.find(t.id()).orElseThrow();
    assertThat(now.status()).isEqualTo(status);
    assertThat(now.reason()).isEqualTo(reason);
  }
}
