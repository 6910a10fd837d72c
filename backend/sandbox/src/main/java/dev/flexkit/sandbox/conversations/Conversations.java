package dev.flexkit.sandbox.conversations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.content.ContentLibrary;
import dev.flexkit.sandbox.content.ContentTemplate;
import dev.flexkit.sandbox.phone.CustomerPhones;
import dev.flexkit.sandbox.phone.MessagingAddress;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import dev.flexkit.sandbox.wire.Sids;
import dev.flexkit.sandbox.wire.TwilioException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulated Twilio Conversations: every conversation with its participants, messages and scoped
 * webhooks, and the rules Twilio enforces on them (one open conversation per customer binding,
 * closed is final, idle timers, the WhatsApp window). One lock guards it all; listeners and the
 * inbound handler run after it is released, so they may call back in.
 */
public final class Conversations implements ConversationsApi {
  public static final String GUEST_ROLE = "RLf1e8c0de000000000000000000000001";
  public static final String AGENT_ROLE = "RLf1e8c0de000000000000000000000002";
  static final Duration MIN_INACTIVE_TIMER = Duration.ofMinutes(1);
  static final Duration MIN_CLOSED_TIMER = Duration.ofMinutes(10);

  /** R15 (ERR/50417): the default limit of chat participants, raisable to 1000 on real Twilio. */
  static final int MAX_CHAT_PARTICIPANTS = 100;

  /** R15 (ERR/50422). */
  static final int MAX_NON_CHAT_PARTICIPANTS = 50;

  /** R16: the longest Body a message may have. */
  static final int MAX_BODY = 1_600;

  private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SYSTEM_AUTHOR = "system";

  /** Null fields are left to Twilio's defaults; a zero timer means none. */
  public record NewConversation(
      String friendlyName,
      String uniqueName,
      String attributes,
      String state,
      Duration inactiveAfter,
      Duration closedAfter,
      Instant dateCreated) {}

  /** Null fields stay as they are; a zero timer switches that timer off. */
  public record ConversationChanges(
      String friendlyName,
      String uniqueName,
      String attributes,
      String state,
      Duration inactiveAfter,
      Duration closedAfter) {}

  /** Either {@code identity} (chat) or {@code address} + {@code proxyAddress} (SMS/WhatsApp). */
  public record NewParticipant(
      String identity, String address, String proxyAddress, String attributes, String roleSid) {}

  /**
   * {@code proxyAddress} is {@code MessagingBinding.ProxyAddress}: null leaves it, empty removes it
   * (R14).
   */
  public record ParticipantChanges(
      String attributes,
      String roleSid,
      Integer lastReadMessageIndex,
      String lastReadTimestamp,
      String proxyAddress) {}

  /** {@code contentSid} wins over {@code body}, as on Twilio. */
  public record NewMessage(
      String author,
      String body,
      String contentSid,
      String contentVariables,
      String attributes,
      Instant dateCreated) {}

  public record NewWebhook(
      String target,
      String url,
      String method,
      List<String> filters,
      List<String> triggers,
      String flowSid,
      Integer replayAfter) {}

  /** A participant with the conversation it belongs to, for {@code ParticipantConversations}. */
  public record Membership(Participant participant, Conversation conversation) {}

  /** Where a customer's message went. */
  public record Inbound(String conversationSid, String messageSid, boolean newConversation) {}

  private static final class Room {
    Conversation conversation;
    final Map<String, Participant> participants = new LinkedHashMap<>();
    final List<Message> messages = new ArrayList<>();
    final Map<String, ScopedWebhook> webhooks = new LinkedHashMap<>();
    int nextIndex;

    Room(Conversation conversation) {
      this.conversation = conversation;
    }

    Optional<Participant> holding(String address, String proxyAddress) {
      return participants.values().stream()
          .filter(p -> address.equals(p.address()) && proxyAddress.equals(p.proxyAddress()))
          .findFirst();
    }

    Optional<Participant> withIdentity(String identity) {
      return participants.values().stream().filter(p -> identity.equals(p.identity())).findFirst();
    }
  }

  private final Object lock = new Object();
  private final Map<String, Room> rooms = new LinkedHashMap<>();
  private final Clock clock;
  private final CustomerPhones phones;
  private final ContentLibrary content;
  private final ConversationWebhooks webhooks;
  private final List<ConversationEvents> listeners = new CopyOnWriteArrayList<>();
  private volatile InboundHandler inboundHandler;

  public Conversations(
      SandboxAccount account,
      Clock clock,
      WebhookDispatcher dispatcher,
      CustomerPhones phones,
      ContentLibrary content) {
    this.clock = clock;
    this.phones = phones;
    this.content = content;
    this.webhooks = new ConversationWebhooks(account, dispatcher);
  }

  // ---- conversations ----

  public Conversation create(NewConversation spec, Origin origin) {
    return change(after -> createLocked(spec, origin, after).conversation);
  }

  /** Creates the conversation and its participants together, or nothing at all. */
  public Conversation createWithParticipants(
      NewConversation spec, List<NewParticipant> members, Origin origin) {
    return change(
        after -> {
          Set<String> seen = new HashSet<>();
          for (NewParticipant member : members) {
            validate(member);
            if (member.address() != null) {
              openRoomHolding(member.address(), member.proxyAddress())
                  .ifPresent(
                      taken -> {
                        throw ConversationErrors.bindingsTaken(taken.conversation.sid());
                      });
              if (!seen.add(member.address() + "|" + member.proxyAddress())) {
                throw ConversationErrors.invalidParticipantJson();
              }
            } else if (!seen.add("identity|" + member.identity())) {
              throw ConversationErrors.participantExists(member.identity());
            }
          }
          Room room = createLocked(spec, origin, after);
          for (NewParticipant member : members) {
            checkRoomFor(room, member);
            addParticipantLocked(room, member, origin, after, false);
          }
          return room.conversation;
        });
  }

  public Conversation get(String sidOrUniqueName) {
    synchronized (lock) {
      return room(sidOrUniqueName).conversation;
    }
  }

  /** Oldest first. {@code state}, {@code from} and {@code until} are optional filters. */
  public List<Conversation> list(String state, Instant from, Instant until) {
    synchronized (lock) {
      return rooms.values().stream()
          .map(r -> r.conversation)
          .filter(c -> state == null || state.equals(c.state()))
          .filter(c -> from == null || !c.dateCreated().isBefore(from))
          .filter(c -> until == null || c.dateCreated().isBefore(until))
          .toList();
    }
  }

  public Conversation update(String sidOrUniqueName, ConversationChanges changes, Origin origin) {
    return change(
        after -> {
          Room room = room(sidOrUniqueName);
          Conversation c = room.conversation;
          if (c.isClosed()) {
            throw ConversationErrors.closed();
          }
          if (changes.state() != null && !isState(changes.state())) {
            throw ConversationErrors.invalidState(changes.state());
          }
          String uniqueName =
              changes.uniqueName() != null ? emptyToNull(changes.uniqueName()) : c.uniqueName();
          if (uniqueName != null
              && !uniqueName.equals(c.uniqueName())
              && byUniqueName(uniqueName).isPresent()) {
            throw ConversationErrors.uniqueNameTaken(uniqueName);
          }
          String attributes =
              changes.attributes() != null ? validAttributes(changes.attributes()) : c.attributes();
          Instant now = clock.instant();
          Conversation updated =
              c.withDetails(
                  changes.friendlyName() != null ? changes.friendlyName() : c.friendlyName(),
                  uniqueName,
                  attributes,
                  now);
          if (changes.inactiveAfter() != null || changes.closedAfter() != null) {
            updated =
                updated.withTimers(
                    changes.inactiveAfter() != null
                        ? validTimer("Timers.Inactive", changes.inactiveAfter(), MIN_INACTIVE_TIMER)
                        : c.inactiveAfter(),
                    changes.closedAfter() != null
                        ? validTimer("Timers.Closed", changes.closedAfter(), MIN_CLOSED_TIMER)
                        : c.closedAfter());
          }
          room.conversation = updated.rearmed(now);
          webhooks.fire(
              ConversationWebhooks.CONVERSATION_UPDATED,
              origin,
              room.webhooks.values(),
              ConversationWebhooks.conversation(room.conversation));
          if (changes.state() != null && !changes.state().equals(c.state())) {
            moveTo(room, changes.state(), "API", origin, after);
          }
          return room.conversation;
        });
  }

  public void delete(String sidOrUniqueName, Origin origin) {
    change(
        after -> {
          Room room = room(sidOrUniqueName);
          webhooks.fire(
              ConversationWebhooks.CONVERSATION_REMOVED,
              origin,
              room.webhooks.values(),
              ConversationWebhooks.conversation(room.conversation));
          rooms.remove(room.conversation.sid());
          return null;
        });
  }

  // ---- participants ----

  public Participant addParticipant(String conversation, NewParticipant spec, Origin origin) {
    return change(
        after -> {
          Room room = room(conversation);
          if (room.conversation.isClosed()) {
            throw ConversationErrors.closed();
          }
          validate(spec);
          if (spec.address() != null) {
            openRoomHolding(spec.address(), spec.proxyAddress())
                .ifPresent(
                    taken -> {
                      throw taken == room
                          ? ConversationErrors.bindingInThisConversation(room.conversation.sid())
                          : ConversationErrors.bindingTaken(taken.conversation.sid());
                    });
          } else if (room.withIdentity(spec.identity()).isPresent()) {
            throw ConversationErrors.participantExists(spec.identity());
          }
          checkRoomFor(room, spec);
          return addParticipantLocked(room, spec, origin, after, true);
        });
  }

  public Participant participant(String conversation, String sid) {
    synchronized (lock) {
      return participantIn(room(conversation), sid);
    }
  }

  public List<Participant> participants(String conversation) {
    synchronized (lock) {
      return List.copyOf(room(conversation).participants.values());
    }
  }

  public Participant updateParticipant(
      String conversation, String sid, ParticipantChanges changes, Origin origin) {
    return change(
        after -> {
          Room room = room(conversation);
          Participant p = participantIn(room, sid);
          String proxyAddress = p.proxyAddress();
          if (changes.proxyAddress() != null) {
            proxyAddress = newProxyAddress(room, p, changes.proxyAddress());
          }
          Participant updated =
              p.updated(
                  changes.attributes() != null
                      ? validAttributes(changes.attributes())
                      : p.attributes(),
                  changes.roleSid() != null ? changes.roleSid() : p.roleSid(),
                  changes.lastReadMessageIndex() != null
                      ? changes.lastReadMessageIndex()
                      : p.lastReadMessageIndex(),
                  changes.lastReadTimestamp() != null
                      ? changes.lastReadTimestamp()
                      : p.lastReadTimestamp(),
                  proxyAddress,
                  clock.instant());
          room.participants.put(sid, updated);
          webhooks.fire(
              ConversationWebhooks.PARTICIPANT_UPDATED,
              origin,
              room.webhooks.values(),
              ConversationWebhooks.participant(updated));
          return updated;
        });
  }

  public void removeParticipant(String conversation, String sid, Origin origin) {
    change(
        after -> {
          Room room = room(conversation);
          Participant p = participantIn(room, sid);
          room.participants.remove(sid);
          webhooks.fire(
              ConversationWebhooks.PARTICIPANT_REMOVED,
              origin,
              room.webhooks.values(),
              ConversationWebhooks.participant(p));
          return null;
        });
  }

  /** Every conversation, closed ones included, where this address or identity takes part. */
  public List<Membership> memberships(String address, String identity) {
    synchronized (lock) {
      List<Membership> found = new ArrayList<>();
      for (Room room : rooms.values()) {
        for (Participant p : room.participants.values()) {
          if ((address != null && address.equals(p.address()))
              || (identity != null && identity.equals(p.identity()))) {
            found.add(new Membership(p, room.conversation));
          }
        }
      }
      return found;
    }
  }

  // ---- messages ----

  public Message addMessage(String conversation, NewMessage spec, Origin origin) {
    return change(after -> addMessageLocked(room(conversation), spec, origin, after));
  }

  public Message message(String conversation, String sid) {
    synchronized (lock) {
      return messageIn(room(conversation), sid);
    }
  }

  /** In index order, or newest first when {@code newestFirst}. */
  public List<Message> messages(String conversation, boolean newestFirst) {
    synchronized (lock) {
      List<Message> all = new ArrayList<>(room(conversation).messages);
      if (newestFirst) {
        all.sort(Comparator.comparingInt(Message::index).reversed());
      }
      return all;
    }
  }

  public Message updateMessage(
      String conversation,
      String sid,
      String author,
      String body,
      String attributes,
      Origin origin) {
    return change(
        after -> {
          Room room = room(conversation);
          Message m = messageIn(room, sid);
          Message edited =
              m.edited(
                  author != null ? author : m.author(),
                  body != null ? body : m.body(),
                  attributes != null ? validAttributes(attributes) : m.attributes(),
                  clock.instant());
          room.messages.set(room.messages.indexOf(m), edited);
          webhooks.fire(
              ConversationWebhooks.MESSAGE_UPDATED,
              origin,
              room.webhooks.values(),
              ConversationWebhooks.message(edited));
          return edited;
        });
  }

  public void deleteMessage(String conversation, String sid, Origin origin) {
    change(
        after -> {
          Room room = room(conversation);
          Message m = messageIn(room, sid);
          room.messages.remove(m);
          webhooks.fire(
              ConversationWebhooks.MESSAGE_REMOVED,
              origin,
              room.webhooks.values(),
              ConversationWebhooks.message(m));
          return null;
        });
  }

  // ---- conversation-scoped webhooks ----

  public ScopedWebhook addWebhook(String conversation, NewWebhook spec) {
    synchronized (lock) {
      Room room = room(conversation);
      if (room.webhooks.size() >= 5) {
        throw ConversationErrors.tooManyConversationWebhooks();
      }
      Instant now = clock.instant();
      ScopedWebhook hook =
          validWebhook(
              new ScopedWebhook(
                  Sids.next("WH"),
                  room.conversation.sid(),
                  spec.target(),
                  spec.url(),
                  spec.method() == null ? "post" : spec.method().toLowerCase(java.util.Locale.ROOT),
                  spec.filters() == null ? List.of() : spec.filters(),
                  spec.triggers() == null ? List.of() : spec.triggers(),
                  spec.flowSid(),
                  spec.replayAfter(),
                  now,
                  now));
      room.webhooks.put(hook.sid(), hook);
      return hook;
    }
  }

  public ScopedWebhook webhook(String conversation, String sid) {
    synchronized (lock) {
      return webhookIn(room(conversation), sid);
    }
  }

  public List<ScopedWebhook> webhooks(String conversation) {
    synchronized (lock) {
      return List.copyOf(room(conversation).webhooks.values());
    }
  }

  /** Null fields stay as they are; {@code target} cannot change. */
  public ScopedWebhook updateWebhook(String conversation, String sid, NewWebhook changes) {
    synchronized (lock) {
      Room room = room(conversation);
      ScopedWebhook h = webhookIn(room, sid);
      ScopedWebhook updated =
          validWebhook(
              new ScopedWebhook(
                  h.sid(),
                  h.conversationSid(),
                  h.target(),
                  changes.url() != null ? changes.url() : h.url(),
                  changes.method() != null
                      ? changes.method().toLowerCase(java.util.Locale.ROOT)
                      : h.method(),
                  changes.filters() != null ? changes.filters() : h.filters(),
                  changes.triggers() != null ? changes.triggers() : h.triggers(),
                  changes.flowSid() != null ? changes.flowSid() : h.flowSid(),
                  h.replayAfter(),
                  h.dateCreated(),
                  clock.instant()));
      room.webhooks.put(sid, updated);
      return updated;
    }
  }

  public void deleteWebhook(String conversation, String sid) {
    synchronized (lock) {
      Room room = room(conversation);
      webhookIn(room, sid);
      room.webhooks.remove(sid);
    }
  }

  public ServiceWebhooks serviceWebhooks() {
    return webhooks.service();
  }

  public void configureServiceWebhooks(ServiceWebhooks configuration) {
    webhooks.configure(configuration);
  }

  /** The webhooks of the Flex Conversations service itself ({@code /v1/Services/IS…}). */
  public ServiceWebhooks flexServiceWebhooks() {
    return webhooks.flexService();
  }

  public void configureFlexServiceWebhooks(ServiceWebhooks configuration) {
    webhooks.configureFlexService(configuration);
  }

  // ---- the customer's side ----

  /**
   * A customer's message to one of our numbers: it joins the open conversation holding that binding
   * (waking an inactive one), or starts a new conversation handed to the inbound handler.
   */
  public Inbound receiveFromCustomer(String from, String to, String body) {
    phones.recordInbound(from, to, clock.instant());
    Origin origin = Origin.customer(from);
    Inbound inbound =
        change(
            after -> {
              Optional<Room> open = openRoomHolding(from, to);
              Room room =
                  open.orElseGet(
                      () -> {
                        Room created =
                            createLocked(
                                new NewConversation(null, null, null, null, null, null, null),
                                origin,
                                after);
                        addParticipantLocked(
                            created,
                            new NewParticipant(null, from, to, null, null),
                            origin,
                            after,
                            false);
                        return created;
                      });
              Message m =
                  addMessageLocked(
                      room, new NewMessage(from, body, null, null, null, null), origin, after);
              return new Inbound(room.conversation.sid(), m.sid(), open.isEmpty());
            });
    InboundHandler handler = inboundHandler;
    if (inbound.newConversation() && handler != null) {
      try {
        handler.newInboundConversation(
            inbound.conversationSid(), MessagingAddress.channel(from), from, to);
      } catch (RuntimeException e) {
        LOG.error("inbound handler failed for {}", inbound.conversationSid(), e);
      }
    }
    return inbound;
  }

  /** Fires whatever timers have fallen due on the sandbox clock. */
  public void sweepTimers() {
    change(
        after -> {
          Instant now = clock.instant();
          for (Room room : rooms.values()) {
            Conversation c = room.conversation;
            if (c.isClosed()) {
              continue;
            }
            if (c.dateClosed() != null && !now.isBefore(c.dateClosed())) {
              moveTo(room, Conversation.CLOSED, "TIMER", Origin.twilio(), after);
            } else if (c.dateInactive() != null && !now.isBefore(c.dateInactive())) {
              moveTo(room, Conversation.INACTIVE, "TIMER", Origin.twilio(), after);
            }
          }
          return null;
        });
  }

  // ---- ConversationsApi: what the other emulated products do ----

  @Override
  public String createConversation(
      String friendlyName, Map<String, Object> attributes, List<CustomerBinding> customers) {
    String json;
    try {
      json = JSON.writeValueAsString(attributes == null ? Map.of() : attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attributes are not JSON-serialisable", e);
    }
    return change(
        after -> {
          List<NewParticipant> members = customers.stream().map(this::addableCustomer).toList();
          Room room =
              createLocked(
                  new NewConversation(friendlyName, null, json, null, null, null, null),
                  Origin.twilio(),
                  after);
          members.forEach(m -> addParticipantLocked(room, m, Origin.twilio(), after, false));
          return room.conversation.sid();
        });
  }

  /** A customer Flex may add: a valid binding no other open conversation holds (R12, R9). */
  private NewParticipant addableCustomer(CustomerBinding customer) {
    NewParticipant member =
        new NewParticipant(null, customer.address(), customer.proxyAddress(), null, null);
    validate(member);
    openRoomHolding(member.address(), member.proxyAddress())
        .ifPresent(
            taken -> {
              throw ConversationErrors.bindingTaken(taken.conversation.sid());
            });
    return member;
  }

  @Override
  public void addCustomer(String conversationSid, CustomerBinding customer) {
    change(
        after -> {
          Room room = room(conversationSid);
          if (room.conversation.isClosed()) {
            throw ConversationErrors.closed();
          }
          addParticipantLocked(room, addableCustomer(customer), Origin.twilio(), after, false);
          return null;
        });
  }

  @Override
  public Optional<String> state(String conversationSid) {
    synchronized (lock) {
      return Optional.ofNullable(rooms.get(conversationSid)).map(r -> r.conversation.state());
    }
  }

  @Override
  public void setState(String conversationSid, String state, String reason) {
    change(
        after -> {
          Room room = room(conversationSid);
          if (!isState(state)) {
            throw ConversationErrors.invalidState(state);
          }
          if (state.equals(room.conversation.state())) {
            return null;
          }
          if (room.conversation.isClosed()) {
            throw ConversationErrors.closed();
          }
          moveTo(room, state, reason, Origin.twilio(), after);
          return null;
        });
  }

  @Override
  public void addAgent(String conversationSid, String identity) {
    change(
        after -> {
          Room room = room(conversationSid);
          if (room.withIdentity(identity).isEmpty()) {
            if (room.conversation.isClosed()) {
              throw ConversationErrors.closed();
            }
            // R57: Flex adds the accepting agent with the service's default role, guest (KI).
            NewParticipant agent = new NewParticipant(identity, null, null, null, null);
            checkRoomFor(room, agent);
            addParticipantLocked(room, agent, Origin.twilio(), after, true);
          }
          return null;
        });
  }

  @Override
  public void removeAgent(String conversationSid, String identity) {
    change(
        after -> {
          Room room = room(conversationSid);
          room.withIdentity(identity)
              .ifPresent(
                  p -> {
                    room.participants.remove(p.sid());
                    webhooks.fire(
                        ConversationWebhooks.PARTICIPANT_REMOVED,
                        Origin.twilio(),
                        room.webhooks.values(),
                        ConversationWebhooks.participant(p));
                  });
          return null;
        });
  }

  @Override
  public List<String> identities(String conversationSid) {
    synchronized (lock) {
      return room(conversationSid).participants.values().stream()
          .map(Participant::identity)
          .filter(Objects::nonNull)
          .toList();
    }
  }

  @Override
  public List<CustomerBinding> customers(String conversationSid) {
    synchronized (lock) {
      return room(conversationSid).participants.values().stream()
          .filter(Participant::isCustomer)
          .map(p -> new CustomerBinding(p.address(), p.proxyAddress()))
          .toList();
    }
  }

  @Override
  public void addListener(ConversationEvents listener) {
    listeners.add(listener);
  }

  @Override
  public void setInboundHandler(InboundHandler handler) {
    this.inboundHandler = handler;
  }

  // ---- inside the lock ----

  private Room createLocked(NewConversation spec, Origin origin, List<Runnable> after) {
    String state = spec.state() == null ? Conversation.ACTIVE : spec.state();
    if (Conversation.CLOSED.equals(state)) {
      throw ConversationErrors.initialStateClosed();
    }
    if (!Conversation.ACTIVE.equals(state) && !Conversation.INACTIVE.equals(state)) {
      throw ConversationErrors.invalidState(state);
    }
    String uniqueName = emptyToNull(spec.uniqueName());
    if (uniqueName != null && byUniqueName(uniqueName).isPresent()) {
      throw ConversationErrors.uniqueNameTaken(uniqueName);
    }
    String attributes = spec.attributes() == null ? "{}" : validAttributes(spec.attributes());
    Duration inactive =
        spec.inactiveAfter() == null
            ? null
            : validTimer("Timers.Inactive", spec.inactiveAfter(), MIN_INACTIVE_TIMER);
    Duration closed =
        spec.closedAfter() == null
            ? null
            : validTimer("Timers.Closed", spec.closedAfter(), MIN_CLOSED_TIMER);
    Instant now = clock.instant();
    Instant created = spec.dateCreated() == null ? now : spec.dateCreated();
    Conversation c =
        new Conversation(
                Sids.next("CH"),
                uniqueName,
                spec.friendlyName(),
                attributes,
                state,
                null,
                created,
                created,
                inactive,
                closed,
                null,
                null)
            .rearmed(now);
    Room room = new Room(c);
    rooms.put(c.sid(), room);
    webhooks.fire(
        ConversationWebhooks.CONVERSATION_ADDED,
        origin,
        room.webhooks.values(),
        ConversationWebhooks.conversation(c));
    return room;
  }

  /** {@code activity} is false while a conversation is being created with its first members. */
  private Participant addParticipantLocked(
      Room room, NewParticipant spec, Origin origin, List<Runnable> after, boolean activity) {
    Instant now = clock.instant();
    Participant p =
        new Participant(
            Sids.next("MB"),
            room.conversation.sid(),
            spec.identity(),
            spec.address(),
            spec.proxyAddress(),
            spec.attributes() == null ? "{}" : validAttributes(spec.attributes()),
            spec.roleSid() == null ? GUEST_ROLE : spec.roleSid(),
            now,
            now,
            null,
            null);
    room.participants.put(p.sid(), p);
    if (activity) {
      touch(room, origin, after);
    }
    webhooks.fire(
        ConversationWebhooks.PARTICIPANT_ADDED,
        origin,
        room.webhooks.values(),
        ConversationWebhooks.participant(p));
    return p;
  }

  private Message addMessageLocked(
      Room room, NewMessage spec, Origin origin, List<Runnable> after) {
    if (room.conversation.isClosed()) {
      throw ConversationErrors.closed();
    }
    String body = spec.body();
    String contentSid = emptyToNull(spec.contentSid());
    ContentTemplate template = null;
    boolean variables = spec.contentVariables() != null && !spec.contentVariables().isEmpty();
    if (variables && contentSid == null) {
      throw ConversationErrors.variablesWithoutContent();
    }
    if (variables && !isJsonObject(spec.contentVariables())) {
      throw ConversationErrors.variablesNotAnObject();
    }
    if (contentSid != null) {
      template =
          content.find(contentSid).orElseThrow(() -> ConversationErrors.unknownContent(contentSid));
      body = content.render(template, spec.contentVariables());
    } else if (body == null) {
      throw TwilioException.missingParameter("Body");
    } else if (body.length() > MAX_BODY) {
      throw ConversationErrors.bodyTooLong(MAX_BODY);
    }
    String author =
        spec.author() == null || spec.author().isEmpty() ? SYSTEM_AUTHOR : spec.author();
    Optional<Participant> authoredBy =
        room.participants.values().stream().filter(p -> author.equals(p.authorName())).findFirst();
    Instant now = clock.instant();
    Instant created = spec.dateCreated() == null ? now : spec.dateCreated();
    String sid = Sids.next("IM");
    int index = room.nextIndex++;
    List<Message.Receipt> receipts = new ArrayList<>();
    List<Message.Receipt> failures = new ArrayList<>();
    for (Participant customer : room.participants.values()) {
      if (!customer.isCustomer()
          || authoredBy.map(a -> a.sid().equals(customer.sid())).orElse(false)) {
        continue;
      }
      Message.Receipt receipt = deliver(room, customer, sid, body, contentSid, template, now);
      receipts.add(receipt);
      if ("failed".equals(receipt.status()) || "undelivered".equals(receipt.status())) {
        failures.add(receipt);
      }
    }
    Message m =
        new Message(
            sid,
            room.conversation.sid(),
            index,
            author,
            body,
            contentSid,
            spec.attributes() == null ? "{}" : validAttributes(spec.attributes()),
            authoredBy.map(Participant::sid).orElse(null),
            created,
            created,
            List.copyOf(receipts));
    room.messages.add(m);
    touch(room, origin, after);
    webhooks.fire(
        ConversationWebhooks.MESSAGE_ADDED,
        origin,
        room.webhooks.values(),
        ConversationWebhooks.message(m));
    // Failures (63016, an unreachable handset) are Twilio's own asynchronous reports, sent whoever
    // posted the message.
    failures.forEach(
        r ->
            webhooks.fire(
                ConversationWebhooks.DELIVERY_UPDATED,
                Origin.twilio(),
                room.webhooks.values(),
                ConversationWebhooks.delivery(m, r)));
    boolean fromCustomer = authoredBy.map(Participant::isCustomer).orElse(false);
    after.add(
        () ->
            listeners.forEach(
                l -> l.messageAdded(m.conversationSid(), m.sid(), m.author(), fromCustomer)));
    return m;
  }

  /**
   * WhatsApp only lets free-form text through within 24 hours of the customer's last message to
   * that sender; outside it only an approved template gets through. Twilio still accepts the
   * message and reports the failure afterwards as error 63016. A handset the sandbox made
   * unreachable gets nothing, and its receipt turns {@code undelivered} with the carrier's code.
   */
  private Message.Receipt deliver(
      Room room,
      Participant customer,
      String messageSid,
      String body,
      String contentSid,
      ContentTemplate template,
      Instant now) {
    boolean whatsapp = "whatsapp".equals(customer.bindingType());
    boolean approvedTemplate = template != null && template.approvedForWhatsApp();
    boolean blocked =
        whatsapp
            && !approvedTemplate
            && !phones.insideWhatsAppWindow(customer.address(), customer.proxyAddress(), now);
    if (blocked) {
      // R52: a template WhatsApp has not approved fails with 63027; free-form text with 63016
      // (R51).
      return receipt(room, customer, messageSid, "failed", template != null ? 63027 : 63016, now);
    }
    Optional<Integer> unreachable = phones.unreachableError(customer.address());
    if (unreachable.isPresent()) {
      return receipt(room, customer, messageSid, "undelivered", unreachable.get(), now);
    }
    phones.deliver(
        new CustomerPhones.Received(
            customer.proxyAddress(), customer.address(), body, contentSid, now));
    return receipt(room, customer, messageSid, "delivered", 0, now);
  }

  private static Message.Receipt receipt(
      Room room,
      Participant customer,
      String messageSid,
      String status,
      int errorCode,
      Instant now) {
    // R24 (CWH): the channel's own message sid, WA… on WhatsApp and SM… on SMS.
    String channelPrefix = "whatsapp".equals(customer.bindingType()) ? "WA" : "SM";
    return new Message.Receipt(
        Sids.next("DY"),
        messageSid,
        room.conversation.sid(),
        customer.sid(),
        Sids.next(channelPrefix),
        status,
        errorCode,
        now,
        now);
  }

  /** Activity wakes an inactive conversation and restarts its idle timers. */
  private void touch(Room room, Origin origin, List<Runnable> after) {
    if (Conversation.INACTIVE.equals(room.conversation.state())) {
      moveTo(room, Conversation.ACTIVE, "EVENT", origin, after);
    }
    room.conversation = room.conversation.rearmed(clock.instant());
  }

  private void moveTo(Room room, String state, String reason, Origin origin, List<Runnable> after) {
    Conversation before = room.conversation;
    Instant now = clock.instant();
    room.conversation = before.withState(state, now).rearmed(now);
    webhooks.fire(
        ConversationWebhooks.STATE_UPDATED,
        origin,
        room.webhooks.values(),
        ConversationWebhooks.stateUpdated(room.conversation, before.state(), state, reason, now));
    String sid = before.sid();
    String from = before.state();
    after.add(() -> listeners.forEach(l -> l.stateChanged(sid, from, state, reason)));
  }

  private Room room(String sidOrUniqueName) {
    Room room = rooms.get(sidOrUniqueName);
    if (room == null) {
      room =
          byUniqueName(sidOrUniqueName)
              .orElseThrow(() -> ConversationErrors.conversationNotFound(sidOrUniqueName));
    }
    return room;
  }

  private Optional<Room> byUniqueName(String uniqueName) {
    return rooms.values().stream()
        .filter(r -> uniqueName.equals(r.conversation.uniqueName()))
        .findFirst();
  }

  private Optional<Room> openRoomHolding(String address, String proxyAddress) {
    return rooms.values().stream()
        .filter(r -> !r.conversation.isClosed() && r.holding(address, proxyAddress).isPresent())
        .findFirst();
  }

  private static Participant participantIn(Room room, String sid) {
    Participant p = room.participants.get(sid);
    if (p == null) {
      throw TwilioException.notFound(
          "/Conversations/" + room.conversation.sid() + "/Participants/" + sid);
    }
    return p;
  }

  private static Message messageIn(Room room, String sid) {
    return room.messages.stream()
        .filter(m -> m.sid().equals(sid))
        .findFirst()
        .orElseThrow(
            () ->
                TwilioException.notFound(
                    "/Conversations/" + room.conversation.sid() + "/Messages/" + sid));
  }

  private static ScopedWebhook webhookIn(Room room, String sid) {
    ScopedWebhook h = room.webhooks.get(sid);
    if (h == null) {
      throw TwilioException.notFound(
          "/Conversations/" + room.conversation.sid() + "/Webhooks/" + sid);
    }
    return h;
  }

  private static void validate(NewParticipant spec) {
    boolean chat = spec.identity() != null && !spec.identity().isEmpty();
    boolean binding = spec.address() != null && !spec.address().isEmpty();
    if (!chat && !binding) {
      throw ConversationErrors.identityNotProvided();
    }
    if (chat && binding) {
      throw new TwilioException(
          400,
          50350,
          "A participant needs either an Identity or a MessagingBinding.Address, not both");
    }
    if (binding) {
      if (!MessagingAddress.isValid(spec.address())) {
        throw ConversationErrors.invalidAddress(spec.address());
      }
      if (spec.proxyAddress() == null || spec.proxyAddress().isEmpty()) {
        throw ConversationErrors.proxyAddressMissing();
      }
      if (spec.proxyAddress().length() > 256 || !MessagingAddress.isValid(spec.proxyAddress())) {
        throw ConversationErrors.invalidProxyAddress(spec.proxyAddress());
      }
      if (spec.proxyAddress().equals(spec.address())) {
        throw ConversationErrors.addressIsProxy(spec.address());
      }
      if (!MessagingAddress.channel(spec.proxyAddress())
          .equals(MessagingAddress.channel(spec.address()))) {
        throw ConversationErrors.channelMismatch(spec.address(), spec.proxyAddress());
      }
    }
  }

  /** R15: one more chat participant, or one more SMS/WhatsApp one, must fit the limits. */
  private static void checkRoomFor(Room room, NewParticipant spec) {
    boolean chat = spec.address() == null;
    long same = room.participants.values().stream().filter(p -> p.isCustomer() != chat).count();
    if (chat && same >= MAX_CHAT_PARTICIPANTS) {
      throw ConversationErrors.chatParticipantsLimit(MAX_CHAT_PARTICIPANTS);
    }
    if (!chat && same >= MAX_NON_CHAT_PARTICIPANTS) {
      throw ConversationErrors.nonChatParticipantsLimit(MAX_NON_CHAT_PARTICIPANTS);
    }
  }

  /**
   * R14: a participant without a user address (a chat identity) cannot be given a proxy address
   * (50441), nor have one removed it does not have (50440). A customer's new proxy address is
   * checked as on create (R12), and must not be a pair held in another open conversation (R9).
   */
  private String newProxyAddress(Room room, Participant p, String proxyAddress) {
    if (!p.isCustomer()) {
      throw proxyAddress.isEmpty()
          ? ConversationErrors.cannotRemoveProxyAddress(p.sid())
          : ConversationErrors.cannotAddProxyAddress(p.sid());
    }
    validate(new NewParticipant(null, p.address(), proxyAddress, null, null));
    if (!proxyAddress.equals(p.proxyAddress())) {
      openRoomHolding(p.address(), proxyAddress)
          .ifPresent(
              taken -> {
                throw taken == room
                    ? ConversationErrors.bindingInThisConversation(room.conversation.sid())
                    : ConversationErrors.bindingTaken(taken.conversation.sid());
              });
    }
    return proxyAddress;
  }

  private static ScopedWebhook validWebhook(ScopedWebhook h) {
    switch (h.target() == null ? "" : h.target()) {
      case "webhook" -> {
        if (h.url() == null || h.url().isEmpty()) {
          throw TwilioException.missingParameter("Configuration.Url");
        }
      }
      case "studio" -> {
        if (h.flowSid() == null || h.flowSid().isEmpty()) {
          throw TwilioException.missingParameter("Configuration.FlowSid");
        }
      }
      case "trigger" -> {
        if (h.url() == null || h.url().isEmpty()) {
          throw TwilioException.missingParameter("Configuration.Url");
        }
      }
      default ->
          throw TwilioException.invalidParameter("Target", "must be webhook, studio or trigger");
    }
    if (!"get".equals(h.method()) && !"post".equals(h.method())) {
      throw TwilioException.invalidParameter("Configuration.Method", "must be GET or POST");
    }
    return h;
  }

  static String validAttributes(String attributes) {
    try {
      JSON.readTree(attributes);
      return attributes;
    } catch (JsonProcessingException e) {
      throw TwilioException.invalidParameter("Attributes", "must be valid JSON");
    }
  }

  /** Null when the timer is switched off ({@code PT0S}). */
  private static Duration validTimer(String name, Duration value, Duration minimum) {
    if (value.isZero()) {
      return null;
    }
    if (value.compareTo(minimum) < 0) {
      throw ConversationErrors.timerTooShort(name, minimum);
    }
    return value;
  }

  private static boolean isJsonObject(String json) {
    try {
      return JSON.readTree(json).isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static boolean isState(String state) {
    return Conversation.ACTIVE.equals(state)
        || Conversation.INACTIVE.equals(state)
        || Conversation.CLOSED.equals(state);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private <T> T change(Function<List<Runnable>, T> operation) {
    List<Runnable> after = new ArrayList<>();
    T result;
    synchronized (lock) {
      result = operation.apply(after);
    }
    for (Runnable notification : after) {
      try {
        notification.run();
      } catch (RuntimeException e) {
        LOG.error("conversation listener failed", e);
      }
    }
    return result;
  }
}
