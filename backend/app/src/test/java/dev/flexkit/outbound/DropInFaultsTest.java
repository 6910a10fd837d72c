package dev.flexkit.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import dev.flexkit.twilio.TwilioGatewayTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Twilio step of every drop-in send, failed in turn: afterwards the customer holds no open
 * conversation and no live task, received nothing, and a retry delivers the message exactly once.
 * The steps are read from the call log of a clean send, so a step added later is covered too.
 */
class DropInFaultsTest {
  private static final String KEY = "faults-key-0123456789abcdef";
  private static final String SID = "[A-Z]{2}[0-9a-f]{32}";

  private static RunningKit kit;
  private static OutboundFixture f;
  private static String sms;
  private static int customers = 700;

  private record Scenario(String name, String body, Function<String, HttpResponse<String>> send) {}

  @BeforeAll
  static void start() {
    kit = RunningKit.start("BACKOFFICE_API_KEY", KEY);
    f = new OutboundFixture(kit);
    sms = kit.sandbox().numbers().sms().get(0);
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  private static String newCustomer() {
    return "+1415555" + String.format("%04d", ++customers);
  }

  private static Scenario seed000(String name, boolean openChat) {
    return new Scenario(
        name,
        "seed 000 says hi",
        customer -> {
          Map<String, String> form = new LinkedHashMap<>();
          form.put("To", customer);
          form.put("From", sms);
          form.put("Body", "seed 000 says hi");
          form.put("OpenChatFlag", String.valueOf(openChat));
          form.put("KnownAgentRoutingFlag", "true");
          try {
            form.put("Token", f.token("alice_40example_2Ecom"));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return f.postForm("/sendOutboundMessage", form);
        });
  }

  private static Scenario backOffice(String name, String path, String extra) {
    String body = "back office says hi";
    return new Scenario(
        name,
        body,
        customer ->
            f.post(
                path,
                "{\"fromNumber\":\""
                    + sms
                    + "\",\"toName\":\"Dana\",\"toNumber\":\""
                    + customer
                    + "\","
                    + extra.replace("BODY", body)
                    + "}",
                null,
                "X-Api-Key",
                KEY));
  }

  @TestFactory
  Stream<DynamicContainer> noDropInLeavesAnOrphanOrADuplicateWhicheverTwilioStepFails()
      throws Exception {
    List<Scenario> scenarios =
        List.of(
            seed000("sendOutboundMessage open chat", true),
            seed000("sendOutboundMessage wait for reply", false),
            backOffice(
                "task for a worker",
                "/flex-initiate-outbound-sms-task",
                "\"targetWorkerSid\":\""
                    + TaskRouterSeed.BOB_WORKER_SID
                    + "\",\"initialNotificationMessage\":\"BODY\""),
            backOffice(
                "task for the workflow",
                "/flex-initiate-outbound-sms-task",
                "\"initialNotificationMessage\":\"BODY\""),
            backOffice(
                "fire and forget", "/flex-initiate-outbound-sms", "\"messageBody\":\"BODY\""));
    List<DynamicContainer> containers = new ArrayList<>();
    for (Scenario s : scenarios) {
      List<String> steps = steps(s);
      System.out.println(
          "outbound.dropIn[" + s.name() + "].roundTrips=" + steps.size() + " " + steps);
      assertThat(steps).isNotEmpty();
      containers.add(
          DynamicContainer.dynamicContainer(
              s.name(),
              steps.stream()
                  .distinct()
                  .map(
                      step -> DynamicTest.dynamicTest("fails at " + step, () -> failAt(s, step)))));
    }
    return containers.stream();
  }

  private static List<String> steps(Scenario s) throws Exception {
    f.token("alice_40example_2Ecom");
    f.settle();
    kit.sandbox().calls().clear();
    String customer = newCustomer();
    HttpResponse<String> r = s.send().apply(customer);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> steps = new ArrayList<>();
    for (CallLog.Call c : TwilioGatewayTest.settledCalls(kit)) {
      if (!c.path().startsWith("/iam/")) {
        steps.add(c.method() + " " + c.path().replaceAll(SID, SID));
      }
    }
    return steps;
  }

  private static void failAt(Scenario s, String step) throws Exception {
    String customer = newCustomer();
    // Persistent, so a retry inside the gateway fails too.
    kit.sandbox().faults().add(new Faults.Rule(step, Faults.Kind.STATUS, 500, 0, 1, 50, 1));
    HttpResponse<String> r;
    try {
      r = s.send().apply(customer);
    } finally {
      kit.sandbox().faults().clear();
    }
    f.settle();
    assertThat(r.statusCode()).as(r.body()).isGreaterThanOrEqualTo(500);
    assertThat(f.inbox(customer)).isEmpty();
    assertThat(f.openConversations(customer)).as("orphaned conversations").isEmpty();
    assertThat(f.liveTasksFor(customer)).as("orphaned tasks").isEmpty();

    HttpResponse<String> retry = s.send().apply(customer);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    assertThat(f.inbox(customer)).containsExactly(s.body());
  }
}
