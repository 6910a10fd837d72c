package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.flexapi.v1.Interaction;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A back-office system's SMS task (seed 001's {@code flex-initiate-outbound-sms-task}), as its
 * Twilio steps and their compensation:
 *
 * <ol>
 *   <li>the conversation with the customer ({@link CustomerConversations}), or the open one that
 *       holds them when no live task does;
 *   <li>an interaction on it that routes its task. With {@code targetWorkerSid} it is
 *       agent-initiated, so Flex reserves that worker; without, it is API-initiated and the
 *       workflow routes it (e.g. on {@code targetWorkerPhone});
 *   <li>when given, the initial message.
 * </ol>
 *
 * If step 2 fails a conversation made in step 1 is deleted; if the message fails, the interaction
 * channel is closed with routing closed, which completes the task and closes the conversation.
 * Twilio sets the interaction's task up after answering (R28): {@code taskSid} is given only when
 * its answer names one; the task can be found by its {@code conversationSid} attribute.
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
  private final CustomerConversations customers;
  private final SentMessages sent;
  private final WhatsappWindows windows;

  public BackOfficeTasks(
      TwilioGateway twilio,
      FlexSettings flex,
      OutboundSettings settings,
      OutboundConversations conversations,
      SentMessages sent,
      WhatsappWindows windows) {
    this.twilio = twilio;
    this.flex = flex;
    this.settings = settings;
    this.conversations = conversations;
    this.customers = new CustomerConversations(twilio, settings, conversations.lookup());
    this.sent = sent;
    this.windows = windows;
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
    CustomerConversations.Opened opened =
        customers.open(t.customerAddress(), t.senderAddress(), "{}");
    if (opened instanceof CustomerConversations.Created created) {
      return open(t, created.conversationSid(), false);
    }
    ExistingConversation existing = conversations.describe(opened.conversationSid());
    if (existing.hasLiveTask()) {
      throw Refusal.conflict(
          "conversation_busy", "A live task already holds this customer and number", existing);
    }
    Result result = open(t, opened.conversationSid(), true);
    // The new task answers the customer now; an earlier send's wait for a reply must not route it
    // a second time.
    sent.transition(
        opened.conversationSid(), SentMessages.Status.WAITING, SentMessages.Status.CANCELLED, null);
    return result;
  }

  private Result open(BackOfficeTask t, String conversationSid, boolean reused) {
    boolean toWorker = t.targetWorkerSid() != null;
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("workspace_sid", RoutingWorkspace.sid(flex));
    flex.workflowSid().ifPresent(w -> properties.put("workflow_sid", w));
    if (toWorker) {
      properties.put("queue_sid", settings.queueSid());
      properties.put("worker_sid", t.targetWorkerSid());
    }
    properties.put("task_channel_unique_name", settings.taskChannel(t.channel()));
    properties.put("attributes", taskAttributes(t));
    Interaction interaction =
        customers.interactionOn(
            "create back-office task",
            conversationSid,
            !reused,
            t.channel().wire(),
            toWorker ? "agent" : "api",
            properties);
    JsonNode routing = JSON.valueToTree(interaction.getRouting()).path("properties");
    String taskSid = routing.path("sid").asText(null);
    String channelSid = JSON.valueToTree(interaction.getChannel()).path("sid").asText(null);
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
        conversations.closeInteractionChannel(interaction.getSid(), channelSid, conversationSid);
        throw e;
      }
    }
    LOG.info(
        "back-office interaction {} on {} for {}",
        interaction.getSid(),
        conversationSid,
        toWorker ? t.targetWorkerSid() : "the workflow");
    return new Result(conversationSid, taskSid, interaction.getSid(), messageSid, reused);
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
