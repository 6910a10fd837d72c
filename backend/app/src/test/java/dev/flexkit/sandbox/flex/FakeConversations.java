package dev.flexkit.sandbox.flex;

import dev.flexkit.sandbox.conversations.ConversationEvents;
import dev.flexkit.sandbox.conversations.ConversationsApi;
import dev.flexkit.sandbox.conversations.InboundHandler;
import dev.flexkit.sandbox.wire.Sids;
import dev.flexkit.sandbox.wire.TwilioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Conversations as Flex sees it, in memory, until the Conversations emulator is merged in. */
final class FakeConversations implements ConversationsApi {
  static final class Conversation {
    volatile String state = "active";
    final List<String> identities = new CopyOnWriteArrayList<>();
    final List<CustomerBinding> customers = new CopyOnWriteArrayList<>();
  }

  final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final List<ConversationEvents> listeners = new CopyOnWriteArrayList<>();
  private volatile InboundHandler inbound;

  @Override
  public String createConversation(
      String friendlyName, Map<String, Object> attributes, List<CustomerBinding> customers) {
    customers.forEach(this::refuseIfTaken);
    String sid = Sids.next("CH");
    Conversation conv = new Conversation();
    conv.customers.addAll(customers);
    conversations.put(sid, conv);
    return sid;
  }

  @Override
  public void addCustomer(String conversationSid, CustomerBinding customer) {
    refuseIfTaken(customer);
    conversations.get(conversationSid).customers.add(customer);
  }

  private void refuseIfTaken(CustomerBinding customer) {
    conversations.forEach(
        (sid, conv) -> {
          if (!conv.state.equals("closed") && conv.customers.contains(customer)) {
            throw new TwilioException(
                409,
                50416,
                "A binding for this participant and proxy address already exists in Conversation "
                    + sid);
          }
        });
  }

  @Override
  public Optional<String> state(String conversationSid) {
    return Optional.ofNullable(conversations.get(conversationSid)).map(c -> c.state);
  }

  @Override
  public void setState(String conversationSid, String state, String reason) {
    Conversation c = conversations.get(conversationSid);
    String from = c.state;
    c.state = state;
    listeners.forEach(l -> l.stateChanged(conversationSid, from, state, reason));
  }

  @Override
  public void addAgent(String conversationSid, String identity) {
    Conversation c = conversations.get(conversationSid);
    if (!c.identities.contains(identity)) {
      c.identities.add(identity);
    }
  }

  @Override
  public void removeAgent(String conversationSid, String identity) {
    conversations.get(conversationSid).identities.remove(identity);
  }

  @Override
  public List<String> identities(String conversationSid) {
    return new ArrayList<>(conversations.get(conversationSid).identities);
  }

  @Override
  public List<CustomerBinding> customers(String conversationSid) {
    return new ArrayList<>(conversations.get(conversationSid).customers);
  }

  @Override
  public void addListener(ConversationEvents listener) {
    listeners.add(listener);
  }

  @Override
  public void setInboundHandler(InboundHandler handler) {
    this.inbound = handler;
  }

  /**
   * A customer text: into the open conversation holding the binding, else a new one via inbound
   * handling.
   */
  String customerWrites(String address, String proxyAddress) {
    CustomerBinding binding = new CustomerBinding(address, proxyAddress);
    for (Map.Entry<String, Conversation> e : conversations.entrySet()) {
      Conversation c = e.getValue();
      if (!c.state.equals("closed") && c.customers.contains(binding)) {
        if (c.state.equals("inactive")) {
          setState(e.getKey(), "active", "EVENT");
        }
        listeners.forEach(l -> l.messageAdded(e.getKey(), Sids.next("IM"), address, true));
        return e.getKey();
      }
    }
    String sid = createConversation("inbound", Map.of(), List.of(binding));
    inbound.newInboundConversation(
        sid, address.startsWith("whatsapp:") ? "whatsapp" : "sms", address, proxyAddress);
    return sid;
  }
}
