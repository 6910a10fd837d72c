package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.flexapi.v1.Interaction;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.twilio.TaskAttributes;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A back-office system's SMS task (seed 001's {@code flex-initiate-outbound-sms-task}), as its
 * Twilio steps and their compensation:
 *
 * <ol>
 *   <li>an interaction that creates the conversation with the customer and its task. With {@code
 *       targetWorkerSid} it is agent-initiated, so Flex reserves that worker; without, it is
 *       API-initiated and the workflow routes it (e.g. on {@code targetWorkerPhone}).
 *   <li>the conversation's closed timer and, when given, the initial message, side by side.
 * </ol>
 *
 * If the message fails, the interaction channel is closed with routing closed, which completes the
 * task and closes the conversation. A failed step 1 created nothing. The timer is a back-stop: its
 * failure is logged, the task's end closes the conversation anyway.
 */
public final class BackOfficeTasks {
  private static final Logger LOG = LoggerFactory.getLogger(BackOfficeTasks.class);
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  /** What the seed's messages were authored as; never an agent's identity. */
  static final String AUTHOR = "system";

  @io.swagger.v3.oas.annotations.media.Schema(name = "InitiateOutboundSmsTaskResponse")
  public record Result(
      String conversationSid,
      String taskSid,
      String interactionSid,
      String messageSid,
      boolean reused) {}

  private final TwilioGateway twilio;
  private final FlexSettings flex;
  private final OutboundSettings settings;
  private final OutboundConversations conversations;
  private final SentMessages sent;
  private final WhatsappWindows windows;
  private final ExecutorService sideCalls;

  public BackOfficeTasks(
      TwilioGateway twilio,
      FlexSettings flex,
      OutboundSettings settings,
      OutboundConversations conversations,
      SentMessages sent,
      WhatsappWindows windows,
      ExecutorService sideCalls) {
    this.twilio = twilio;
    this.flex = flex;
    this.settings = settings;
    this.conversations = conversations;
    this.sent = sent;
    this.windows = windows;
    this.sideCalls = sideCalls;
  }

  public Result create(BackOfficeTask t) {
    if (t.channel() == OutboundSend.Channel.WHATSAPP
        && t.initialMessage() != null
        && !windows.window(t.customerAddress(), t.senderAddress()).open()) {
      throw new Refusal(
          422,
          "whatsapp_window_closed",
          "The customer has not written in the last 24 hours: WhatsApp allows no free-text initialNotificationMessage",
          Map.of());
    }
    try {
      return open(t, null);
    } catch (TwilioCallException e) {
      Optional<String> held = ConversationLookup.heldBy(e);
      if (held.isEmpty()) {
        throw e;
      }
      ExistingConversation existing = conversations.describe(held.get());
      if (existing.hasLiveTask()) {
        throw Refusal.conflict(
            "conversation_busy", "A live task already holds this customer and number", existing);
      }
      Result result = open(t, held.get());
      // The new task answers the customer now; an earlier send's wait for a reply must not route it
      // a second time.
      sent.transition(held.get(), SentMessages.Status.WAITING, SentMessages.Status.CANCELLED, null);
      return result;
    }
  }

  private Result open(BackOfficeTask t, String existingConversationSid) {
    boolean toWorker = t.targetWorkerSid() != null;
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("type", t.channel().wire());
    channel.put("initiated_by", toWorker ? "agent" : "api");
    if (existingConversationSid == null) {
      channel.put(
          "participants",
          List.of(Map.of("address", t.customerAddress(), "proxy_address", t.senderAddress())));
    } else {
      channel.put("properties", Map.of("media_channel_sid", existingConversationSid));
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("workspace_sid", RoutingWorkspace.sid(flex));
    flex.workflowSid().ifPresent(w -> properties.put("workflow_sid", w));
    if (toWorker) {
      properties.put("queue_sid", settings.queueSid());
      properties.put("worker_sid", t.targetWorkerSid());
    }
    properties.put("task_channel_unique_name", t.channel().wire());
    properties.put("attributes", taskAttributes(t));
    Interaction interaction =
        twilio.call(
            "create back-office task",
            c ->
                Interaction.creator(channel)
                    .setRouting(Map.of("properties", properties))
                    .create(c));
    JsonNode routing = JSON.valueToTree(interaction.getRouting()).path("properties");
    String taskSid = routing.path("sid").asText(null);
    String conversationSid =
        existingConversationSid != null
            ? existingConversationSid
            : TaskAttributes.parse(routing.path("attributes")).path("conversationSid").asText(null);
    String channelSid = JSON.valueToTree(interaction.getChannel()).path("sid").asText(null);

    CompletableFuture<Void> timer =
        existingConversationSid != null
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(
                () -> conversations.setClosedTimer(conversationSid), sideCalls);
    String messageSid = null;
    if (t.initialMessage() != null) {
      try {
        messageSid =
            twilio
                .call(
                    "send initial notification",
                    c ->
                        Message.creator(conversationSid)
                            .setAuthor(AUTHOR)
                            .setBody(t.initialMessage())
                            .create(c))
                .getSid();
      } catch (RuntimeException e) {
        timer.join();
        conversations.closeInteractionChannel(interaction.getSid(), channelSid, conversationSid);
        throw e;
      }
    }
    timer.join();
    LOG.info(
        "back-office task {} on {} for {}",
        taskSid,
        conversationSid,
        toWorker ? t.targetWorkerSid() : "the workflow");
    return new Result(
        conversationSid,
        taskSid,
        interaction.getSid(),
        messageSid,
        existingConversationSid != null);
  }

  /**
   * The seed's attributes (its {@code from} is our number, its {@code to} the customer), plus
   * Flex's customer keys.
   */
  private static Map<String, Object> taskAttributes(BackOfficeTask t) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", t.customerName());
    a.put("from", t.senderAddress());
    a.put("to", t.customerAddress());
    a.put("direction", "outbound");
    a.put("targetWorkerPhone", t.senderAddress());
    a.put("autoAnswer", true);
    if (t.sourceChatChannelSid() != null) {
      a.put("sourceChatChannelSid", t.sourceChatChannelSid());
    }
    if (t.targetWorkerSid() != null) {
      a.put("targetWorkerSid", t.targetWorkerSid());
    }
    a.put("customerName", t.customerName());
    a.put("customerAddress", t.customerAddress());
    a.put("twilioNumber", t.senderAddress());
    a.put("channelType", t.channel().wire());
    return a;
  }
}
