package dev.flexkit.sandbox.junit;

import dev.flexkit.sandbox.SandboxServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Twilio sandbox per test class, on a free loopback port, and hands it to tests and
 * constructors as a {@link TwilioSandbox} parameter. Before each test it clears the faults and the
 * call log, so a test sees only its own traffic; the rest of the state lives as long as the class.
 *
 * <pre>{@code
 * @ExtendWith(TwilioSandboxExtension.class)
 * class MyFlexIntegrationTest {
 *   @Test
 *   void createsAConversation(TwilioSandbox twilio) { ... }
 * }
 * }</pre>
 */
public final class TwilioSandboxExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TwilioSandboxExtension.class);

  /** Closed by JUnit when the test class's context ends. */
  private record Running(TwilioSandbox sandbox, SandboxServer server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TwilioSandbox sandbox = running(context).sandbox();
    sandbox.faults().clear();
    sandbox.world().calls().clear();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TwilioSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).sandbox();
  }

  private static Running running(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Running.class,
            key -> {
              SandboxServer server = SandboxServer.start(0);
              return new Running(new TwilioSandbox(server), server);
            },
            Running.class);
  }
}
