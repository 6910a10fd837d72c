package dev.flexkit.sandbox.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.TwilioException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST https://iam.twilio.com/v1/Accounts/{AccountSid}/Tokens/validate} with a JSON body
 * {@code {"token": "…"}}, as twilio-flex-token-validator calls it.
 *
 * <p>The answer is HTTP 200 either way, with {@code valid} saying which: the validator and every
 * known mock read only the body. A valid token gets {@code {valid:true, code:0, message:null,
 * expiration, realm_user_id, identity, roles, worker_sid}} (R48); an invalid one only {@code
 * {valid:false, message}} (R49: twilio-flex-token-validator reads nothing else, and Twilio sends no
 * code), the message naming why (see {@link FlexTokens}). Another account's SID in the path gets
 * 20003, as any Twilio API does.
 */
@Path("/iam/v1/Accounts/{AccountSid}/Tokens/validate")
public final class IamTokensResource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxAccount account;
  private final FlexTokens tokens;

  public IamTokensResource(SandboxAccount account, FlexTokens tokens) {
    this.account = account;
    this.tokens = tokens;
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> validate(@PathParam("AccountSid") String accountSid, byte[] body) {
    if (!account.accountSid().equals(accountSid)) {
      throw TwilioException.authenticate();
    }
    JsonNode request;
    try {
      request = body == null || body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      throw new TwilioException(400, 20001, "Invalid JSON in the request body");
    }
    if (request == null
        || !request.path("token").isTextual()
        || request.path("token").asText().isEmpty()) {
      throw TwilioException.missingParameter("token");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    FlexTokens.Verdict verdict = tokens.validate(request.path("token").asText());
    if (verdict instanceof FlexTokens.Valid v) {
      answer.put("valid", true);
      answer.put("code", 0);
      answer.put("message", null);
      answer.put("expiration", v.expiration().toString());
      answer.put("realm_user_id", v.realmUserId());
      answer.put("identity", v.identity());
      answer.put("roles", v.roles());
      answer.put("worker_sid", v.workerSid());
    } else if (verdict instanceof FlexTokens.Invalid i) {
      answer.put("valid", false);
      answer.put("message", i.message());
    }
    return answer;
  }
}
