package dev.flexkit.sandbox.content;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Paging;
import dev.flexkit.sandbox.wire.TwilioException;
import dev.flexkit.sandbox.wire.TwilioTime;
import dev.flexkit.sandbox.wire.TwilioUrls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Content API v1, read side: the account's templates and their WhatsApp approval. */
@Path("/content/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class ContentResource {
  private static final String PRODUCT = "content";

  private final ContentLibrary library;
  private final SandboxAccount account;

  public ContentResource(ContentLibrary library, SandboxAccount account) {
    this.library = library;
    this.account = account;
  }

  @GET
  @Path("ContentAndApprovals")
  public Map<String, Object> contentAndApprovals(@Context UriInfo uri) {
    return Paging.page(
        library.all(),
        this::withApprovals,
        "contents",
        PRODUCT,
        "/v1/ContentAndApprovals",
        uri.getQueryParameters());
  }

  @GET
  @Path("Content")
  public Map<String, Object> contents(@Context UriInfo uri) {
    return Paging.page(
        library.all(), this::content, "contents", PRODUCT, "/v1/Content", uri.getQueryParameters());
  }

  @GET
  @Path("Content/{sid}")
  public Map<String, Object> fetch(@PathParam("sid") String sid) {
    return content(find(sid));
  }

  @GET
  @Path("Content/{sid}/ApprovalRequests")
  public Map<String, Object> approvals(@PathParam("sid") String sid) {
    ContentTemplate t = find(sid);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sid", t.sid());
    body.put("account_sid", account.accountSid());
    body.put("whatsapp", whatsapp(t));
    body.put("url", TwilioUrls.url(PRODUCT, "/v1/Content/" + t.sid() + "/ApprovalRequests"));
    return body;
  }

  private ContentTemplate find(String sid) {
    return library.find(sid).orElseThrow(() -> TwilioException.notFound("/Content/" + sid));
  }

  private Map<String, Object> common(ContentTemplate t) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date_created", TwilioTime.iso(t.dateCreated()));
    body.put("date_updated", TwilioTime.iso(t.dateCreated()));
    body.put("sid", t.sid());
    body.put("account_sid", account.accountSid());
    body.put("friendly_name", t.friendlyName());
    body.put("language", t.language());
    body.put("variables", new TreeMap<>(t.variables()));
    body.put("types", Map.of("twilio/text", Map.of("body", t.body())));
    return body;
  }

  private Map<String, Object> content(ContentTemplate t) {
    Map<String, Object> body = common(t);
    String url = TwilioUrls.url(PRODUCT, "/v1/Content/" + t.sid());
    body.put("url", url);
    body.put(
        "links",
        Map.of(
            "approval_create",
            url + "/ApprovalRequests/whatsapp",
            "approval_fetch",
            url + "/ApprovalRequests"));
    return body;
  }

  /**
   * The spec's example is flat while real clients read {@code approval_requests.whatsapp.status},
   * so both shapes are given.
   */
  private Map<String, Object> withApprovals(ContentTemplate t) {
    Map<String, Object> body = common(t);
    Map<String, Object> approvals = approval(t);
    approvals.put("whatsapp", whatsapp(t));
    body.put("approval_requests", approvals);
    return body;
  }

  private static Map<String, Object> whatsapp(ContentTemplate t) {
    Map<String, Object> whatsapp = new LinkedHashMap<>();
    whatsapp.put("type", "whatsapp");
    whatsapp.putAll(approval(t));
    return whatsapp;
  }

  private static Map<String, Object> approval(ContentTemplate t) {
    ContentTemplate.WhatsAppApproval a = t.approval();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", a.name());
    body.put("category", a.category());
    body.put("content_type", "twilio/text");
    body.put("status", a.status());
    body.put("rejection_reason", a.rejectionReason());
    body.put("allow_category_change", a.allowCategoryChange());
    return body;
  }
}
