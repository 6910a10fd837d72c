package dev.flexkit.sandbox.flex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.sandbox.conversations.ConversationEvents;
import dev.flexkit.sandbox.conversations.ConversationsApi;
import dev.flexkit.sandbox.conversations.InboundHandler;
import dev.flexkit.sandbox.taskrouter.TaskRouter;
import dev.flexkit.sandbox.taskrouter.TaskRouterListener;
import dev.flexkit.sandbox.wire.Sids;
import dev.flexkit.sandbox.wire.TwilioException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulated Flex Interactions: an interaction ties a conversation (its media channel) to the
 * TaskRouter tasks that route it to agents. Flex's own back end is emulated too: an accepted
 * reservation joins the agent to the conversation, a customer writing to a number with no open
 * conversation gets an inbound interaction, and a customer coming back to an inactive channel gets
 * a new task. State is guarded by this object's monitor, which is never held while calling
 * Conversations or TaskRouter, so their callbacks cannot deadlock with us.
 */
public final class FlexInteractions
    implements TaskRouterListener, InboundHandler, ConversationEvents {
  private static final Logger LOG = LoggerFactory.getLogger(FlexInteractions.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> CHANNEL_TYPES =
      Set.of("voice", "sms", "email", "web", "whatsapp", "chat", "messenger", "gbm");

  /** R37 (PARK): a channel with no update for this long is deleted, whatever its state. */
  static final Duration CHANNEL_TTL = Duration.ofDays(180);

  private final TaskRouter taskRouter;
  private final Clock clock;
  private final Executor setUp;
  private final AtomicInteger settingUp = new AtomicInteger();
  private volatile ConversationsApi conversations;
  private final Map<String, Interaction> interactions = new HashMap<>();
  private final Map<String, InteractionChannel> channels = new HashMap<>();
  private final Map<String, InteractionChannel> channelByTask = new HashMap<>();
  private final Map<String, InteractionChannel> channelByConversation = new HashMap<>();

  /** Every task Flex routed, kept past its channel's deletion: TaskRouter asks from its lock. */
  private final Set<String> flexTasks = ConcurrentHashMap.newKeySet();

  public FlexInteractions(TaskRouter taskRouter, Clock clock, Executor setUp) {
    this.taskRouter = taskRouter;
    this.clock = clock;
    this.setUp = setUp;
    taskRouter.addListener(this);
    taskRouter.recognizeFlexTasks(flexTasks::contains);
  }

  /** Connects Flex to the Conversations emulator: its inbound handling and its events. */
  public void connect(ConversationsApi api) {
    this.conversations = api;
    api.setInboundHandler(this);
    api.addListener(this);
  }

  private ConversationsApi conversations() {
    ConversationsApi api = conversations;
    if (api == null) {
      throw new TwilioException(
          400, 45770, "Failed to create InteractionChannel. Downstream Error.");
    }
    return api;
  }

  // ---- interactions ----

  /**
   * {@code POST /v1/Interactions}: the request is checked and accepted at once; the conversation,
   * its customers and the first task are set up after the answer (R28), and a set-up failure shows
   * on the channel as {@code failed} with an error code (R31), never as a 4xx.
   */
  public Map<String, Object> create(
      JsonNode channel, JsonNode routing, String interactionContextSid, String webhookTtid) {
    String type = text(channel, "type");
    String initiatedBy = text(channel, "initiated_by");
    if (type == null || !CHANNEL_TYPES.contains(type)) {
      throw new TwilioException(
          400, 20001, "Invalid parameter Channel: type must be one of " + CHANNEL_TYPES);
    }
    if (initiatedBy == null || !Set.of("customer", "agent", "api").contains(initiatedBy)) {
      throw new TwilioException(
          400, 20001, "Invalid parameter Channel: initiated_by must be customer, agent or api");
    }
    JsonNode properties = routing == null ? null : routing.get("properties");
    if (properties == null || !properties.isObject()) {
      throw TwilioException.missingParameter("Routing");
    }
    checkRouting(properties);
    String mediaChannelSid = text(channel.path("properties"), "media_channel_sid");
    JsonNode participants = channel.path("participants");
    if (initiatedBy.equals("customer") && mediaChannelSid == null) {
      throw new TwilioException(
          400,
          20001,
          "Invalid parameter Channel: properties.media_channel_sid is required when initiated_by is customer");
    }
    if (initiatedBy.equals("agent")
        && (text(properties, "queue_sid") == null || text(properties, "worker_sid") == null)) {
      throw new TwilioException(
          400,
          20001,
          "Invalid parameter Routing: queue_sid and worker_sid are required when initiated_by is agent");
    }
    if (mediaChannelSid == null && (!participants.isArray() || participants.isEmpty())) {
      throw new TwilioException(
          400,
          20001,
          "Invalid parameter Channel: participants or properties.media_channel_sid is required");
    }
    conversations();

    String interactionSid = Sids.next("KD");
    InteractionChannel ch =
        new InteractionChannel(
            Sids.next("UO"), interactionSid, type, mediaChannelSid, clock.instant());
    List<ConversationsApi.CustomerBinding> customers = new ArrayList<>();
    participants.forEach(
        p -> {
          if (p.hasNonNull("address")) {
            customers.add(
                new ConversationsApi.CustomerBinding(
                    p.get("address").asText(), text(p, "proxy_address")));
          } else if (p.hasNonNull("identity")) {
            ch.participants.add(
                new InteractionChannel.Participant(
                    Sids.next("UT"), "customer", null, p.get("identity").asText(), null));
          }
        });
    ch.routingAttributes =
        properties.path("attributes").isObject()
            ? (ObjectNode) properties.get("attributes").deepCopy()
            : JSON.createObjectNode();
    ch.workflowSid = text(properties, "workflow_sid");
    ch.taskChannel = taskChannel(properties, type);
    Interaction interaction =
        new Interaction(
            interactionSid,
            ch.sid,
            type,
            FlexJson.routing(JSON.convertValue(properties, Map.class)),
            interactionContextSid,
            webhookTtid != null
                ? webhookTtid
                : "flex_interactionwebhook_" + Sids.next("FW").substring(2, 18));
    synchronized (this) {
      interactions.put(interactionSid, interaction);
      channels.put(ch.sid, ch);
      if (mediaChannelSid != null) {
        channelByConversation.put(mediaChannelSid, ch);
      }
    }
    ObjectNode setUpProperties = properties.deepCopy();
    settingUp.incrementAndGet();
    setUp.execute(
        () -> {
          try {
            setUp(ch, setUpProperties, customers, initiatedBy);
          } finally {
            settingUp.decrementAndGet();
          }
        });
    return FlexJson.interaction(interaction);
  }

  /** What Flex does after accepting an interaction: the conversation, its customers, the task. */
  private void setUp(
      InteractionChannel ch,
      JsonNode properties,
      List<ConversationsApi.CustomerBinding> requested,
      String initiatedBy) {
    ConversationsApi api = conversations;
    boolean createdConversation = ch.conversationSid == null;
    List<ConversationsApi.CustomerBinding> customers = new ArrayList<>();
    try {
      if (createdConversation) {
        String conversationSid =
            api.createConversation("Flex " + ch.type + " interaction", Map.of(), List.of());
        for (ConversationsApi.CustomerBinding c : requested) {
          try {
            api.addCustomer(conversationSid, c);
            customers.add(c);
          } catch (TwilioException busy) {
            // R32: a customer already in another open conversation is silently not added; the
            // agent's task gets a conversation without them.
            LOG.info(
                "interaction {}: customer {} not added to {}: {}",
                ch.interactionSid,
                c.address(),
                conversationSid,
                busy.getMessage());
          }
        }
        synchronized (this) {
          ch.conversationSid = conversationSid;
          channelByConversation.put(conversationSid, ch);
        }
      } else {
        Optional<String> state = api.state(ch.conversationSid);
        if (state.isEmpty()) {
          fail(ch, 45770, "Failed to create InteractionChannel. Downstream Error.");
          return;
        }
        if (state.get().equals("closed")) {
          fail(ch, 45354, "Cannot create a Channel for a closed Conversation.");
          return;
        }
        customers.addAll(api.customers(ch.conversationSid));
        boolean anyone = !customers.isEmpty() || !api.identities(ch.conversationSid).isEmpty();
        if (!anyone) {
          fail(ch, 45355, "Cannot create a Channel for a Conversation with no Participants.");
          return;
        }
      }
    } catch (RuntimeException e) {
      fail(ch, 45770, "Failed to create InteractionChannel. Downstream Error.");
      return;
    }
    synchronized (this) {
      ch.proxyAddress = customers.isEmpty() ? null : customers.get(0).proxyAddress();
      customers.forEach(
          c ->
              ch.participants.add(
                  new InteractionChannel.Participant(
                      Sids.next("UT"), "customer", null, null, null)));
    }
    String inviteSid = Sids.next("KG");
    TaskRouter.CreatedTask task;
    try {
      task =
          createTask(
              properties,
              ch,
              InteractionTaskAttributes.build(
                  ch.routingAttributes,
                  ch.interactionSid,
                  ch.sid,
                  inviteSid,
                  ch.conversationSid,
                  ch.type,
                  initiatedBy,
                  ch.proxyAddress));
    } catch (RuntimeException e) {
      // A conversation Flex created for this interaction must not stay open holding the binding.
      if (createdConversation) {
        api.setState(ch.conversationSid, "closed", "API");
      }
      fail(ch, 45770, "Failed to create InteractionChannel. Downstream Error: " + e.getMessage());
      return;
    }
    boolean closedMeanwhile;
    synchronized (this) {
      ch.invites.add(
          new InteractionChannel.Invite(inviteSid, FlexJson.routing(task.flexSnapshot())));
      routed(ch, task.sid());
      closedMeanwhile = !ch.status.equals("setup");
      if (!closedMeanwhile) {
        ch.status = "active";
        ch.lastUpdated = clock.instant();
      }
    }
    if (closedMeanwhile) {
      taskRouter.finishTask(task.sid(), true, "Channel closed during set-up");
      api.setState(ch.conversationSid, "closed", "API");
    }
    LOG.info(
        "interaction {} ({} {}) on {} routed as task {}",
        ch.interactionSid,
        initiatedBy,
        ch.type,
        ch.conversationSid,
        task.sid());
  }

  /** Called with the monitor held: the channel routes this task, which is Flex's from now on. */
  private void routed(InteractionChannel c, String taskSid) {
    c.taskSids.add(taskSid);
    c.lastUpdated = clock.instant();
    channelByTask.put(taskSid, c);
    flexTasks.add(taskSid);
  }

  private synchronized void fail(InteractionChannel ch, int code, String message) {
    ch.status = "failed";
    ch.errorCode = code;
    ch.errorMessage = message;
    LOG.info("interaction channel {} failed: {} {}", ch.sid, code, message);
  }

  /**
   * R29: {@code workspace_sid} is required, and {@code workflow_sid} too once the workspace has
   * more than one workflow. A task channel the workspace lacks is refused here as well: no source
   * says how Twilio answers it, so a 400 naming the channel is an inference.
   */
  private void checkRouting(JsonNode properties) {
    String workspace = text(properties, "workspace_sid");
    if (workspace == null) {
      throw new TwilioException(
          400, 20001, "Invalid parameter Routing: properties.workspace_sid is required");
    }
    if (!workspace.equals(taskRouter.workspaceSid())) {
      throw new TwilioException(
          400, 20001, "Invalid parameter Routing: unknown workspace " + workspace);
    }
    if (text(properties, "workflow_sid") == null && taskRouter.workflowCount() > 1) {
      throw new TwilioException(
          400,
          20001,
          "Invalid parameter Routing: properties.workflow_sid is required when the workspace has more than one workflow");
    }
    if (text(properties, "worker_sid") != null && text(properties, "queue_sid") == null) {
      throw new TwilioException(
          400,
          20001,
          "Invalid parameter Routing: properties.queue_sid is required with properties.worker_sid");
    }
    String taskChannel = text(properties, "task_channel_unique_name");
    if (taskChannel != null && !taskRouter.hasTaskChannel(taskChannel)) {
      throw new TwilioException(
          400,
          20001,
          "Invalid parameter Routing: properties.task_channel_unique_name "
              + taskChannel
              + " is not a task channel of workspace "
              + workspace);
    }
  }

  private String taskChannel(JsonNode properties, String channelType) {
    String explicit = text(properties, "task_channel_unique_name");
    if (explicit == null) {
      explicit = text(properties, "task_channel_sid");
    }
    if (explicit != null) {
      return explicit;
    }
    return taskRouter.hasTaskChannel(channelType) ? channelType : "default";
  }

  /**
   * The task for a channel: straight to {@code worker_sid} in {@code queue_sid} if given (known
   * worker), else through the workflow. A {@code queue_sid} alone routes nothing: queues are
   * reached through a workflow's filters. Without {@code workflow_sid} the workspace has one
   * workflow ({@link #checkRouting}), which is used.
   */
  private TaskRouter.CreatedTask createTask(
      JsonNode properties, InteractionChannel ch, ObjectNode attributes) {
    String workflow = text(properties, "workflow_sid");
    String worker = text(properties, "worker_sid");
    if (workflow == null) {
      workflow = taskRouter.defaultWorkflowSid();
    }
    return taskRouter.createTask(
        new TaskRouter.NewTask(
            workflow,
            taskChannel(properties, ch.type),
            attributes.toString(),
            properties.hasNonNull("priority") ? properties.get("priority").asInt() : null,
            properties.hasNonNull("timeout") ? properties.get("timeout").asInt() : null,
            worker != null ? text(properties, "queue_sid") : null,
            worker,
            false));
  }

  public synchronized Map<String, Object> fetch(String interactionSid) {
    Interaction i = interactions.get(interactionSid);
    if (i == null) {
      throw TwilioException.notFound("/Interactions/" + interactionSid);
    }
    return FlexJson.interaction(i);
  }

  // ---- channels ----

  synchronized InteractionChannel channel(String interactionSid, String channelSid) {
    if (!interactions.containsKey(interactionSid)) {
      throw TwilioException.notFound("/Interactions/" + interactionSid);
    }
    InteractionChannel c = channels.get(channelSid);
    if (c != null && expired(c)) {
      forget(c);
      c = null;
    }
    if (c == null || !c.interactionSid.equals(interactionSid)) {
      throw TwilioException.notFound("/Interactions/" + interactionSid + "/Channels/" + channelSid);
    }
    return c;
  }

  public synchronized Map<String, Object> fetchChannel(String interactionSid, String channelSid) {
    return FlexJson.channel(channel(interactionSid, channelSid));
  }

  public synchronized List<Map<String, Object>> listChannels(String interactionSid) {
    Interaction i = interactions.get(interactionSid);
    if (i == null) {
      throw TwilioException.notFound("/Interactions/" + interactionSid);
    }
    InteractionChannel c = channels.get(i.channelSid());
    if (c != null && expired(c)) {
      forget(c);
      c = null;
    }
    return c == null ? List.of() : List.of(FlexJson.channel(c));
  }

  /** R37: deletes every channel that has gone {@link #CHANNEL_TTL} without an update. */
  public synchronized void deleteIdleChannels() {
    List.copyOf(channels.values()).stream().filter(this::expired).forEach(this::forget);
  }

  private boolean expired(InteractionChannel c) {
    return !clock.instant().isBefore(c.lastUpdated.plus(CHANNEL_TTL));
  }

  /**
   * Conversation changes do not count as updates (PARK), so a customer writing to a deleted
   * channel's conversation is no longer Flex's business. Its tasks stay Flex's (R36).
   */
  private void forget(InteractionChannel c) {
    channels.remove(c.sid);
    channelByConversation.remove(c.conversationSid, c);
    c.taskSids.forEach(t -> channelByTask.remove(t, c));
    LOG.info("interaction channel {} deleted after {} without an update", c.sid, CHANNEL_TTL);
  }

  /**
   * {@code Status=closed|inactive} with an optional {@code Routing {"status":"closed"}}: closed
   * wraps the tasks up (or completes them with routing closed) and closes the conversation;
   * inactive completes them, takes the agents out and leaves the conversation inactive until the
   * customer writes again.
   */
  public Map<String, Object> updateChannel(
      String interactionSid, String channelSid, String status, JsonNode routing) {
    if (!"closed".equals(status) && !"inactive".equals(status)) {
      throw InteractionErrors.channelStatusRequired(status);
    }
    String routingStatus = routing == null ? null : text(routing, "status");
    if (routingStatus != null && !routingStatus.equals("closed")) {
      throw new TwilioException(400, 20001, "Invalid parameter Routing: status must be closed");
    }
    if (status.equals("inactive") && routingStatus == null) {
      throw new TwilioException(
          400, 20001, "Routing status is required when the channel status is set to inactive");
    }
    List<String> tasks;
    List<String> agents;
    InteractionChannel c;
    synchronized (this) {
      c = channel(interactionSid, channelSid);
      if (c.status.equals("closed")) {
        return FlexJson.channel(c);
      }
      c.status = status;
      c.lastUpdated = clock.instant();
      tasks = List.copyOf(c.taskSids);
      agents =
          c.participants.stream()
              .filter(p -> p.type().equals("agent") && p.identity() != null)
              .map(InteractionChannel.Participant::identity)
              .distinct()
              .toList();
      if (status.equals("inactive")) {
        c.participants.removeIf(p -> p.type().equals("agent"));
      }
    }
    boolean complete = routingStatus != null;
    tasks.forEach(t -> taskRouter.finishTask(t, complete, complete ? "Channel " + status : null));
    ConversationsApi api = conversations();
    if (status.equals("inactive")) {
      agents.forEach(identity -> api.removeAgent(c.conversationSid, identity));
    }
    if (c.conversationSid != null) {
      api.setState(c.conversationSid, status, "API");
    }
    synchronized (this) {
      return FlexJson.channel(c);
    }
  }

  // ---- participants ----

  public synchronized List<Map<String, Object>> listParticipants(
      String interactionSid, String channelSid) {
    InteractionChannel c = channel(interactionSid, channelSid);
    return c.participants.stream().map(p -> FlexJson.participant(c, p)).toList();
  }

  public Map<String, Object> createParticipant(
      String interactionSid,
      String channelSid,
      String type,
      JsonNode media,
      JsonNode routingProperties) {
    if (type == null
        || !Set.of("agent", "customer", "supervisor", "external", "unknown").contains(type)) {
      throw new TwilioException(400, 20001, "Invalid parameter Type");
    }
    if (media == null || !media.isObject()) {
      throw TwilioException.missingParameter("MediaProperties");
    }
    InteractionChannel c = channel(interactionSid, channelSid);
    String identity = text(media, "identity");
    if (identity != null && (type.equals("agent") || type.equals("supervisor"))) {
      conversations().addAgent(c.conversationSid, identity);
    }
    Map<String, Object> routing =
        routingProperties == null || !routingProperties.isObject()
            ? null
            : JSON.convertValue(routingProperties, Map.class);
    String taskSid = routingProperties == null ? null : text(routingProperties, "task_sid");
    InteractionChannel.Participant p =
        new InteractionChannel.Participant(Sids.next("UT"), type, routing, identity, taskSid);
    synchronized (this) {
      c.participants.add(p);
      c.lastUpdated = clock.instant();
      return FlexJson.participant(c, p);
    }
  }

  /**
   * {@code closed}: the agent leaves the conversation and their task completes, the channel stays
   * open. {@code wrapup}: the task and reservation wrap up, the agent stays until closed.
   */
  public Map<String, Object> updateParticipant(
      String interactionSid, String channelSid, String participantSid, String status) {
    if (!"closed".equals(status) && !"wrapup".equals(status)) {
      throw new TwilioException(400, 20001, "Invalid parameter Status: must be closed or wrapup");
    }
    InteractionChannel c;
    InteractionChannel.Participant p;
    synchronized (this) {
      c = channel(interactionSid, channelSid);
      p =
          c.participants.stream()
              .filter(x -> x.sid().equals(participantSid))
              .findFirst()
              .orElseThrow(
                  () ->
                      TwilioException.notFound(
                          "/Interactions/"
                              + interactionSid
                              + "/Channels/"
                              + channelSid
                              + "/Participants/"
                              + participantSid));
      if (status.equals("closed")) {
        c.participants.remove(p);
      }
      c.lastUpdated = clock.instant();
    }
    if (status.equals("closed")) {
      if (p.identity() != null && !"customer".equals(p.type())) {
        conversations().removeAgent(c.conversationSid, p.identity());
      }
      if (p.taskSid() != null) {
        taskRouter.finishTask(p.taskSid(), true, "Participant closed");
      }
    } else if (p.taskSid() != null) {
      taskRouter.finishTask(p.taskSid(), false, null);
    }
    synchronized (this) {
      return FlexJson.participant(c, p);
    }
  }

  // ---- invites ----

  /** A new task on the same conversation; the earlier task's attributes are not carried over. */
  public Map<String, Object> invite(String interactionSid, String channelSid, JsonNode routing) {
    JsonNode properties = routing == null ? null : routing.get("properties");
    if (properties == null || !properties.isObject()) {
      throw TwilioException.missingParameter("Routing");
    }
    checkRouting(properties);
    InteractionChannel c = channel(interactionSid, channelSid);
    synchronized (this) {
      if (c.status.equals("closed")) {
        throw new TwilioException(400, 45354, "Cannot create a Channel for a closed Conversation.");
      }
    }
    ObjectNode caller =
        properties.path("attributes").isObject()
            ? (ObjectNode) properties.get("attributes")
            : JSON.createObjectNode();
    String inviteSid = Sids.next("KG");
    TaskRouter.CreatedTask task =
        createTask(
            properties,
            c,
            InteractionTaskAttributes.build(
                caller,
                interactionSid,
                c.sid,
                inviteSid,
                c.conversationSid,
                c.type,
                null,
                c.proxyAddress));
    InteractionChannel.Invite invite =
        new InteractionChannel.Invite(inviteSid, FlexJson.routing(task.flexSnapshot()));
    synchronized (this) {
      c.invites.add(invite);
      routed(c, task.sid());
      return FlexJson.invite(c, invite);
    }
  }

  public synchronized List<Map<String, Object>> listInvites(
      String interactionSid, String channelSid) {
    InteractionChannel c = channel(interactionSid, channelSid);
    return c.invites.stream().map(i -> FlexJson.invite(c, i)).toList();
  }

  // ---- what Flex's back end does on events ----

  /** The agent who accepted joins the conversation and becomes a channel participant. */
  @Override
  public void reservationAccepted(String taskSid, String reservationSid, String workerSid) {
    InteractionChannel c;
    synchronized (this) {
      c = channelByTask.get(taskSid);
    }
    if (c == null) {
      return;
    }
    String identity = taskRouter.workerIdentity(workerSid).orElse(null);
    if (identity != null && conversations != null) {
      conversations.addAgent(c.conversationSid, identity);
    }
    Map<String, Object> routing = new LinkedHashMap<>();
    routing.put("task_sid", taskSid);
    routing.put("worker_sid", workerSid);
    routing.put("reservation_sid", reservationSid);
    synchronized (this) {
      c.participants.add(
          new InteractionChannel.Participant(Sids.next("UT"), "agent", routing, identity, taskSid));
      // PARK: an agent accepting the channel's task is an update that restarts its TTL.
      c.lastUpdated = clock.instant();
    }
  }

  /** "Agents are automatically removed from Conversations tasks upon completion" (Flex FAQ). */
  @Override
  public void taskStatusChanged(String taskSid, String status) {
    if (!status.equals("completed")) {
      return;
    }
    InteractionChannel c;
    List<InteractionChannel.Participant> leaving;
    synchronized (this) {
      c = channelByTask.get(taskSid);
      if (c == null) {
        return;
      }
      leaving = c.participants.stream().filter(p -> taskSid.equals(p.taskSid())).toList();
      c.participants.removeAll(leaving);
      c.lastUpdated = clock.instant();
    }
    ConversationsApi api = conversations;
    if (api == null) {
      return;
    }
    boolean open = api.state(c.conversationSid).map(s -> !s.equals("closed")).orElse(false);
    if (open) {
      leaving.stream()
          .filter(p -> p.identity() != null)
          .forEach(p -> api.removeAgent(c.conversationSid, p.identity()));
    }
  }

  /**
   * A customer wrote to one of our numbers and no open conversation held them: route it to Flex.
   */
  @Override
  public void newInboundConversation(
      String conversationSid, String channelType, String customerAddress, String proxyAddress) {
    ObjectNode routing = JSON.createObjectNode();
    ObjectNode properties = routing.putObject("properties");
    properties.put("workspace_sid", taskRouter.workspaceSid());
    properties.put("workflow_sid", taskRouter.defaultWorkflowSid());
    properties.put(
        "task_channel_unique_name", taskRouter.hasTaskChannel(channelType) ? channelType : "chat");
    ObjectNode attributes = properties.putObject("attributes");
    attributes.put("from", customerAddress);
    attributes.put("customerAddress", customerAddress);
    attributes.put("customerName", customerAddress.replaceFirst("^whatsapp:", ""));
    attributes.put("twilioNumber", proxyAddress);
    ObjectNode channel = JSON.createObjectNode();
    channel.put("type", CHANNEL_TYPES.contains(channelType) ? channelType : "chat");
    channel.put("initiated_by", "customer");
    channel.putObject("properties").put("media_channel_sid", conversationSid);
    create(channel, routing, null, null);
  }

  /**
   * D-LEAVE: the customer wrote again on a channel left inactive, so the channel gets a new task.
   */
  @Override
  public void messageAdded(
      String conversationSid, String messageSid, String author, boolean fromCustomer) {
    if (!fromCustomer) {
      return;
    }
    InteractionChannel c;
    synchronized (this) {
      c = channelByConversation.get(conversationSid);
      if (c == null || !c.status.equals("inactive")) {
        return;
      }
      c.status = "active";
    }
    String inviteSid = Sids.next("KG");
    ObjectNode properties = JSON.createObjectNode();
    properties.put(
        "workflow_sid", c.workflowSid != null ? c.workflowSid : taskRouter.defaultWorkflowSid());
    properties.put("task_channel_unique_name", c.taskChannel);
    TaskRouter.CreatedTask task =
        createTask(
            properties,
            c,
            InteractionTaskAttributes.build(
                c.routingAttributes,
                c.interactionSid,
                c.sid,
                inviteSid,
                conversationSid,
                c.type,
                "customer",
                c.proxyAddress));
    synchronized (this) {
      c.invites.add(
          new InteractionChannel.Invite(inviteSid, FlexJson.routing(task.flexSnapshot())));
      routed(c, task.sid());
    }
    LOG.info("customer returned to inactive channel {}: new task {}", c.sid, task.sid());
  }

  /** A conversation closed under Flex (timer or API): its channel closes and its tasks wrap up. */
  @Override
  public void stateChanged(String conversationSid, String from, String to, String reason) {
    if (!"closed".equals(to)) {
      return;
    }
    List<String> tasks;
    synchronized (this) {
      InteractionChannel c = channelByConversation.get(conversationSid);
      if (c == null || c.status.equals("closed")) {
        return;
      }
      c.status = "closed";
      tasks = List.copyOf(c.taskSids);
    }
    tasks.forEach(t -> taskRouter.finishTask(t, false, null));
  }

  /** Interactions accepted whose set-up has not run yet (R28). */
  public int settingUp() {
    return settingUp.get();
  }

  public synchronized Optional<String> channelStatus(String channelSid) {
    return Optional.ofNullable(channels.get(channelSid)).map(c -> c.status);
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.hasNonNull(field)) {
      return null;
    }
    String v = node.get(field).asText();
    return v.isBlank() ? null : v;
  }
}
