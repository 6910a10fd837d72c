package dev.flexkit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat transfers as the agents see them, each in their own browser, driving the plugin's Transfer
 * button and directory. What the UI shows is checked against the sandbox's own state: who is in the
 * conversation, which tasks and reservations exist, what the customer's phone received. One service
 * serves every journey; each journey has its own customer and closes its conversations at the end.
 */
class TransferIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLD = "Cold: hand over now";
  private static final String WARM = "Warm: stay until they join";
  private static final String NOTE = "Refund for order 1234";
  private static final String FIRST_MESSAGE = "Can I get a refund?";
  private static final String ALICES_REPLY = "Alice here, let me look into it.";

  private record Agent(String sid, String identity, String name) {}

  private static ServiceProcess service;
  private static HeadlessChromium chromium;
  private static SandboxRest twilio;
  private static JsonNode info;
  private static String workspace;
  private static Agent alice;
  private static Agent bob;
  private static Agent carol;
  private static int customers;

  private final List<BrowserContext> browsers = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    chromium = HeadlessChromium.launch();
    service = ServiceProcess.start("transfer", Map.of());
    info = service.getJson("/sandbox/api/info");
    twilio = new SandboxRest(service, info);
    workspace = info.path("workspaceSid").asText();
    alice = agent("alice@example.com", "Alice Agent");
    bob = agent("bob@example.com", "Bob Agent");
    carol = agent("carol@example.com", "Carol Supervisor");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (service != null) {
        service.closeAfterSpecCheck();
      }
    } finally {
      if (chromium != null) {
        chromium.close();
      }
    }
  }

  /**
   * The next journey starts from a quiet sandbox: every open conversation is closed as Flex would.
   */
  @AfterEach
  void closeBrowsersAndConversations() throws Exception {
    try {
      browsers.forEach(BrowserContext::close);
    } finally {
      closeOpenConversations();
    }
  }

  @Test
  void coldTransferToAnAgentKeepsTheCustomerConnected() throws Exception {
    String customer = newCustomer();
    Page alicePage = aliceTakesTheChat(customer);
    available(bob);
    Page bobPage = desktop(bob);
    String conversation = conversationOf(alicePage);

    Locator directory = openDirectory(alicePage);
    pick(directory, "Agents", bob.sid());
    submit(directory, COLD, NOTE);

    // Alice's task ends once the invite is out; Bob is offered the chat, with Alice's note.
    assertThat(taskOf(alicePage, customer)).hasCount(0);
    acceptAndSeeTheHistory(bobPage, customer);
    assertThat(bobPage.getByTestId("fmk-transfer-context"))
        .containsText("Transferred to you by alice@example.com");
    assertThat(bobPage.getByTestId("fmk-transfer-note")).hasText(NOTE);
    awaitAgentsIn(conversation, bob);
    replyAndAwaitTheCustomer(bobPage, customer, "Bob here, I can help with that.");
    assertThat(messages(bobPage, "Bob here, I can help with that.")).hasCount(1);
    Screenshots.save(bobPage, "transfer-cold-accepted");

    // The customer is still connected: what they write next reaches Bob, on the same task.
    customerWrites(customer, "Great, thanks Bob");
    assertThat(messages(bobPage, "Great, thanks Bob")).hasCount(1);
    assertThat(bobPage.getByTestId("task-list-item")).hasCount(1);
  }

  @Test
  void coldTransferToAQueueGoesToAnAvailableAgentOfThatQueue() throws Exception {
    String customer = newCustomer();
    Page alicePage = aliceTakesTheChat(customer);
    // Bob is not in Sales (no "sales" skill); Carol is.
    available(bob, carol);
    Page carolPage = desktop(carol);
    Page bobPage = desktop(bob);
    String conversation = conversationOf(alicePage);

    Locator directory = openDirectory(alicePage);
    directory.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Queues")).click();
    // Alice is not counted: she is the one handing the chat over.
    assertThat(option(directory, queue("Sales"))).containsText("1 available");
    assertThat(option(directory, queue("Everyone"))).containsText("2 available");
    pick(directory, "Queues", queue("Sales"));
    submit(directory, COLD, NOTE);

    assertThat(taskOf(alicePage, customer)).hasCount(0);
    assertThat(taskOf(carolPage, customer)).containsText("Sales");
    JsonNode invite = twilioTask(awaitReservation(carol, "pending").path("taskSid").asText());
    assertThat(invite.path("task_queue_sid").asText()).isEqualTo(queue("Sales"));
    JsonNode attributes = JSON.readTree(invite.path("attributes").asText());
    assertThat(attributes.path("transferTargetType").asText()).isEqualTo("queue");
    assertThat(attributes.path("transferNote").asText()).isEqualTo(NOTE);
    assertThat(attributes.path("ignoreAgent").asText()).isEqualTo(alice.identity());

    taskOf(carolPage, customer).click();
    assertThat(carolPage.getByTestId("fmk-transfer-note")).hasText(NOTE);
    acceptAndSeeTheHistory(carolPage, customer);
    awaitAgentsIn(conversation, carol);
    replyAndAwaitTheCustomer(carolPage, customer, "Carol from Sales, I can refund that.");
    customerWrites(customer, "Thank you Carol");
    assertThat(messages(carolPage, "Thank you Carol")).hasCount(1);
    assertThat(taskOf(bobPage, customer)).hasCount(0);
    assertThat(reservations(bob)).isEmpty();
  }

  @Test
  void coldTransferToAWorkflowIsRoutedByThatWorkflow() throws Exception {
    String customer = newCustomer();
    Page alicePage = aliceTakesTheChat(customer);
    available(bob);
    Page bobPage = desktop(bob);
    String conversation = conversationOf(alicePage);

    Locator directory = openDirectory(alicePage);
    pick(directory, "Workflows", workflow("Assign to Anyone"));
    submit(directory, COLD, NOTE);

    assertThat(taskOf(alicePage, customer)).hasCount(0);
    assertThat(taskOf(bobPage, customer)).containsText("Everyone");
    JsonNode invite = twilioTask(awaitReservation(bob, "pending").path("taskSid").asText());
    assertThat(invite.path("workflow_sid").asText()).isEqualTo(workflow("Assign to Anyone"));
    assertThat(
            JSON.readTree(invite.path("attributes").asText()).path("transferTargetType").asText())
        .isEqualTo("workflow");

    acceptAndSeeTheHistory(bobPage, customer);
    awaitAgentsIn(conversation, bob);
    replyAndAwaitTheCustomer(bobPage, customer, "Bob here, routed to me by the workflow.");
  }

  @Test
  void warmTransferKeepsBothAgentsInTheConversationUntilTheOriginalLeaves() throws Exception {
    String customer = newCustomer();
    Page alicePage = aliceTakesTheChat(customer);
    available(bob);
    Page bobPage = desktop(bob);
    String conversation = conversationOf(alicePage);

    Locator directory = openDirectory(alicePage);
    assertThat(option(directory, bob.sid())).containsText("Available");
    assertThat(directory.getByTestId("fmk-transfer-target-" + carol.sid())).isDisabled();
    pick(directory, "Agents", bob.sid());
    choose(directory, WARM, NOTE);
    Screenshots.save(alicePage, "transfer-directory");
    Axe.assertNoSeriousViolations(alicePage, "the transfer directory");
    directory.getByTestId("fmk-transfer-submit").click();
    assertThat(directory).hasCount(0);

    // Alice keeps the chat while Bob is asked.
    assertThat(alicePage.getByTestId("fmk-transfer-pending")).isVisible();
    acceptAndSeeTheHistory(bobPage, customer);
    awaitAgentsIn(conversation, alice, bob);
    assertThat(alicePage.locator("[data-notification-id=FMKTransferAccepted]")).isVisible();
    assertThat(alicePage.getByTestId("fmk-transfer-pending")).hasText("Other agent joined");
    Locator leave = alicePage.getByTestId("fmk-transfer-leave");
    assertThat(leave).isVisible();

    // Both are in: each sees what the other writes, and the customer gets both.
    bobPage.getByTestId("message-input").fill("Hi, Bob joining.");
    bobPage.getByTestId("send-message").click();
    assertThat(messages(alicePage, "Hi, Bob joining.")).hasCount(1);
    replyAndAwaitTheCustomer(alicePage, customer, "Bob will take it from here.");
    assertThat(messages(bobPage, "Bob will take it from here.")).hasCount(1);
    assertThat(messages(alicePage, "Bob will take it from here.")).hasCount(1);
    Screenshots.save(alicePage, "transfer-warm-joined");
    awaitInbox(customer, "Hi, Bob joining.");

    leave.click();
    assertThat(alicePage.locator("[data-notification-id=FMKTransferCompleted]")).isVisible();
    assertThat(taskOf(alicePage, customer)).hasCount(0);
    awaitAgentsIn(conversation, bob);
    replyAndAwaitTheCustomer(bobPage, customer, "Bob here, still with you.");
  }

  @Test
  void offlineTargetIsRefusedBeforeAnythingChanges() throws Exception {
    String customer = newCustomer();
    Page alicePage = aliceTakesTheChat(customer);
    available(bob);
    String conversation = conversationOf(alicePage);

    Locator directory = openDirectory(alicePage);
    pick(directory, "Agents", bob.sid());
    choose(directory, COLD, NOTE);
    // Bob goes offline while Alice has the directory open.
    activity(bob, "Offline");
    service.delete("/sandbox/api/calls");
    directory.getByTestId("fmk-transfer-submit").click();

    assertThat(alicePage.locator("[data-notification-id=FMKTransferFailed]"))
        .containsText("Bob Agent is Offline and cannot take transfers");
    // Nothing was written to Twilio: no invite, nobody left the conversation.
    for (JsonNode call : service.getJson("/sandbox/api/calls").path("calls")) {
      assertThat(call.path("method").asText()).as(call.toString()).isEqualTo("GET");
    }
    JsonNode tasks =
        twilio
            .get(
                "taskrouter",
                "/v1/Workspaces/"
                    + workspace
                    + "/Tasks?EvaluateTaskAttributes="
                    + URLEncoder.encode(
                        "customerAddress == \"" + customer + "\"", StandardCharsets.UTF_8))
            .path("tasks");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).path("assignment_status").asText()).isEqualTo("assigned");
    assertThat(agentsIn(conversation)).containsExactly(alice.identity());
    assertThat(reservations(bob)).isEmpty();

    // Alice still has the chat and can carry on.
    assertThat(alicePage.getByTestId("fmk-transfer-button")).isVisible();
    replyAndAwaitTheCustomer(alicePage, customer, "Bob just went offline, I will stay with you.");
  }

  @Test
  void pendingWarmTransferCanBeCanceledAndTheOriginalAgentKeepsTheChat() throws Exception {
    String customer = newCustomer();
    Page alicePage = aliceTakesTheChat(customer);
    available(bob);
    Page bobPage = desktop(bob);
    String conversation = conversationOf(alicePage);

    Locator directory = openDirectory(alicePage);
    pick(directory, "Agents", bob.sid());
    submit(directory, WARM, NOTE);

    assertThat(alicePage.getByTestId("fmk-transfer-pending")).isVisible();
    Locator cancel = alicePage.getByTestId("fmk-transfer-cancel");
    assertThat(cancel).isVisible();
    assertThat(taskOf(bobPage, customer)).hasClass(Pattern.compile("status-pending"));
    String invite = awaitReservation(bob, "pending").path("taskSid").asText();
    Screenshots.save(alicePage, "transfer-pending");

    cancel.click();
    assertThat(alicePage.getByTestId("fmk-transfer-button")).isVisible();
    assertThat(alicePage.getByTestId("fmk-transfer-pending")).hasCount(0);
    assertThat(taskOf(bobPage, customer)).hasCount(0);
    assertThat(twilioTask(invite).path("assignment_status").asText()).isEqualTo("canceled");
    assertThat(reservations(bob)).isEmpty();
    assertThat(agentsIn(conversation)).containsExactly(alice.identity());
    assertThat(taskOf(alicePage, customer)).hasClass(Pattern.compile("status-assigned"));
    replyAndAwaitTheCustomer(alicePage, customer, "Still me, the transfer is off.");
  }

  @Test
  void rejectedTransferComesBackToTheOriginalAgentWithANotification() throws Exception {
    String customer = newCustomer();
    Page alicePage = aliceTakesTheChat(customer);
    available(bob);
    Page bobPage = desktop(bob);
    String conversation = conversationOf(alicePage);

    Locator directory = openDirectory(alicePage);
    pick(directory, "Agents", bob.sid());
    submit(directory, COLD, NOTE);
    Locator bobTask = taskOf(bobPage, customer);
    assertThat(bobTask).hasCount(1);
    bobTask.click();
    bobPage.getByTestId("reject-task").click();

    Locator rolledBack = alicePage.locator("[data-notification-id=FMKTransferRolledBack]");
    assertThat(rolledBack).containsText("the target declined");
    // The chat is offered back to Alice, who takes it and carries on with the customer.
    acceptAndSeeTheHistory(alicePage, customer);
    assertThat(alicePage.getByTestId("fmk-transfer-context"))
        .hasText("This conversation came back to you: the target declined.");
    awaitAgentsIn(conversation, alice);
    replyAndAwaitTheCustomer(alicePage, customer, "Sorry for the wait, I am still here.");
    assertThat(messages(alicePage, "Sorry for the wait, I am still here.")).hasCount(1);
    Screenshots.save(alicePage, "transfer-rolled-back");
  }

  // ---- the agents ----

  private static Agent agent(String email, String displayName) {
    for (JsonNode w : info.path("workers")) {
      if (w.path("friendlyName").asText().equals(email)) {
        return new Agent(w.path("sid").asText(), w.path("identity").asText(), displayName);
      }
    }
    throw new AssertionError("no seeded agent " + email);
  }

  private static void activity(Agent agent, String activity) throws Exception {
    service.postJson(
        "/sandbox/api/workers/" + agent.sid() + "/activity", Map.of("activity", activity));
  }

  private static void available(Agent... agents) throws Exception {
    for (Agent a : agents) {
      activity(a, "Available");
    }
  }

  private Page desktop(Agent agent) {
    BrowserContext context = chromium.newContext();
    browsers.add(context);
    Page page = context.newPage();
    page.navigate(service.url("/sandbox/?identity=" + agent.identity()).toString());
    assertThat(page.getByTestId("agent-desktop"))
        .hasAttribute("data-plugins-loaded", Pattern.compile("plugin-flex-messaging-kit"));
    return page;
  }

  /** The customer texts in while only Alice is available; she accepts and answers. */
  private Page aliceTakesTheChat(String customer) throws Exception {
    service.makeOnlyAvailable(info, alice.sid());
    Page page = desktop(alice);
    customerWrites(customer, FIRST_MESSAGE);
    Locator task = taskOf(page, customer);
    task.click();
    page.getByTestId("accept-task").click();
    assertThat(task).hasClass(Pattern.compile("status-assigned"));
    replyAndAwaitTheCustomer(page, customer, ALICES_REPLY);
    assertThat(page.getByTestId("fmk-transfer-button")).isVisible();
    return page;
  }

  private static void acceptAndSeeTheHistory(Page page, String customer) {
    Locator task = taskOf(page, customer);
    task.click();
    page.getByTestId("accept-task").click();
    assertThat(task).hasClass(Pattern.compile("status-assigned"));
    assertThat(messages(page, FIRST_MESSAGE)).hasCount(1);
    assertThat(messages(page, ALICES_REPLY)).hasCount(1);
  }

  private static void replyAndAwaitTheCustomer(Page page, String customer, String body)
      throws Exception {
    page.getByTestId("message-input").fill(body);
    page.getByTestId("send-message").click();
    awaitInbox(customer, body);
  }

  // ---- the directory ----

  private static Locator openDirectory(Page page) {
    page.getByTestId("fmk-transfer-button").click();
    Locator dialog = page.getByRole(AriaRole.DIALOG);
    assertThat(dialog).isVisible();
    return dialog;
  }

  /** A target's row: its name and availability, as the label of its radio button. */
  private static Locator option(Locator directory, String sid) {
    return directory.locator("label[for=fmk-transfer-target-" + sid + "]");
  }

  private static void pick(Locator directory, String tab, String sid) {
    directory.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName(tab)).click();
    option(directory, sid).click();
    assertThat(directory.getByTestId("fmk-transfer-target-" + sid)).isChecked();
  }

  private static void choose(Locator directory, String mode, String note) {
    directory.getByText(mode).click();
    directory.getByLabel("Note for the next agent (optional)").fill(note);
  }

  private static void submit(Locator directory, String mode, String note) {
    choose(directory, mode, note);
    directory.getByTestId("fmk-transfer-submit").click();
    assertThat(directory).hasCount(0);
  }

  // ---- the sandbox's state ----

  private static String queue(String name) {
    return named(info.path("queues"), name);
  }

  private static String workflow(String name) {
    return named(info.path("workflows"), name);
  }

  private static String named(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (n.path("name").asText().equals(name)) {
        return n.path("sid").asText();
      }
    }
    throw new AssertionError("no " + name + " in " + list);
  }

  private static String newCustomer() {
    return String.format("+155512390%02d", ++customers);
  }

  private static void customerWrites(String customer, String body) throws Exception {
    service.postJson(
        "/sandbox/api/customers/messages",
        Map.of("from", customer, "to", info.at("/numbers/sms/0").asText(), "body", body));
  }

  private static Locator taskOf(Page page, String customer) {
    return page.getByTestId("task-list-item")
        .filter(new Locator.FilterOptions().setHasText(customer));
  }

  private static Locator messages(Page page, String body) {
    return page.getByTestId("message").filter(new Locator.FilterOptions().setHasText(body));
  }

  private static String conversationOf(Page page) {
    return page.getByTestId("conversation").getAttribute("data-conversation-sid");
  }

  /** The agents (not the customer) who are participants of the conversation, by identity. */
  private static Set<String> agentsIn(String conversation) throws Exception {
    Set<String> identities = new TreeSet<>();
    for (JsonNode p :
        twilio
            .get("conversations", "/v1/Conversations/" + conversation + "/Participants")
            .path("participants")) {
      if (!p.path("identity").isNull() && !p.path("identity").asText().isEmpty()) {
        identities.add(p.path("identity").asText());
      }
    }
    return identities;
  }

  private static void awaitAgentsIn(String conversation, Agent... agents) throws Exception {
    Set<String> expected = new TreeSet<>();
    for (Agent a : agents) {
      expected.add(a.identity());
    }
    await(
        "agents in " + conversation + " to be " + expected,
        () -> agentsIn(conversation).equals(expected));
  }

  private static List<JsonNode> reservations(Agent agent) throws Exception {
    for (JsonNode w : service.getJson("/sandbox/api/workers").path("workers")) {
      if (w.path("sid").asText().equals(agent.sid())) {
        List<JsonNode> out = new ArrayList<>();
        w.path("reservations").forEach(out::add);
        return out;
      }
    }
    throw new AssertionError("no worker " + agent.sid());
  }

  private static JsonNode awaitReservation(Agent agent, String status) throws Exception {
    JsonNode[] found = new JsonNode[1];
    await(
        agent.name() + " to have a " + status + " reservation",
        () -> {
          for (JsonNode r : reservations(agent)) {
            if (r.path("status").asText().equals(status)) {
              found[0] = r;
              return true;
            }
          }
          return false;
        });
    return found[0];
  }

  private static JsonNode twilioTask(String taskSid) throws Exception {
    return twilio.get("taskrouter", "/v1/Workspaces/" + workspace + "/Tasks/" + taskSid);
  }

  private static void awaitInbox(String customer, String body) throws Exception {
    await("the customer to receive: " + body, () -> service.customerInbox(customer).contains(body));
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    Await.until(what, Duration.ofSeconds(15), condition);
  }

  /**
   * Closes every conversation that still has a live task, completing its tasks, as Flex's "close"
   * does.
   */
  private static void closeOpenConversations() throws Exception {
    Set<String> channels = new LinkedHashSet<>();
    for (JsonNode task :
        twilio
            .get(
                "taskrouter",
                "/v1/Workspaces/"
                    + workspace
                    + "/Tasks?AssignmentStatus=pending,reserved,assigned,wrapping&PageSize=100")
            .path("tasks")) {
      // A task list carries no attributes (TWILIO-RULES R41): fetch each task, as Flex would.
      JsonNode fetched =
          twilio.get(
              "taskrouter", "/v1/Workspaces/" + workspace + "/Tasks/" + task.path("sid").asText());
      JsonNode attributes = JSON.readTree(fetched.path("attributes").asText("{}"));
      if (attributes.hasNonNull("flexInteractionSid")
          && attributes.hasNonNull("flexInteractionChannelSid")) {
        channels.add(
            "/v1/Interactions/"
                + attributes.path("flexInteractionSid").asText()
                + "/Channels/"
                + attributes.path("flexInteractionChannelSid").asText());
      }
    }
    for (String channel : channels) {
      twilio.post(
          "flex-api", channel, Map.of("Status", "closed", "Routing", "{\"status\":\"closed\"}"));
    }
  }
}
