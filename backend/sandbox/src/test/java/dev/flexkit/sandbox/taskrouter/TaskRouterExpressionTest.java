package dev.flexkit.sandbox.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskRouterExpressionTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNode TASK =
      read(
          """
      {"channel":"sms","priority":3,"vip":true,"score":4.5,"skills":["sales","billing"],
       "customer":{"name":"Ada Lovelace","tags":["new","eu"],"orders":[{"id":7}]},"KnownAgentRoutingFlag":"true"}""");

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean eval(String expression) {
    return TaskRouterExpression.parse(expression).matches(TASK);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1==1 | true",
        "channel == 'sms' | true",
        "channel == \"sms\" | true",
        "channel != 'sms' | false",
        "channel = 'sms' | true",
        "priority > 2 | true",
        "priority >= 3 | true",
        "priority < 3 | false",
        "priority <= 3 | true",
        "score > 4 | true",
        "vip == true | true",
        "vip == TRUE | true",
        "skills HAS 'sales' | true",
        "skills has 'support' | false",
        "channel IN ['sms', 'whatsapp'] | true",
        "channel in ['chat'] | false",
        "channel NOT IN ['chat', 'voice'] | true",
        "channel not in ['sms'] | false",
        "customer.name CONTAINS 'Love' | true",
        "customer.name contains 'love' | false",
        "customer.tags[1] == 'eu' | true",
        "customer.orders[0].id == 7 | true",
        "customer.orders[3].id == 7 | false",
        "missing == null | true",
        "missing != null | false",
        "missing.deeper.still == null | true",
        "customer.name != null | true",
        "skills == 'sales' | false",
        "skills != 'sales' | false",
        "channel HAS 'sms' | false",
        "priority > 'a' | false",
        "channel == 'sms' AND priority == 3 | true",
        "channel == 'sms' and priority == 4 | false",
        "channel == 'chat' OR priority == 3 | true",
        "channel == 'chat' or priority == 4 | false",
        "channel == 'chat' AND priority == 4 OR vip == true | true",
        "channel == 'chat' AND (priority == 4 OR vip == true) | false",
        "(channel == 'sms' OR channel == 'chat') AND skills HAS 'billing' | true",
        "KnownAgentRoutingFlag == true OR KnownAgentRoutingFlag == 'true' | true"
      })
  void operatorsPrecedenceAndMissingKeysBehaveAsOnTwilio(String expression, boolean expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @Test
  void targetExpressionsSeeTaskAndWorkerPrefixes() {
    JsonNode root =
        read(
            """
        {"languages":["en","fr"],"worker":{"sid":"WK1","languages":["en","fr"]},"task":{"language":"fr","exclude":["WK2"]}}""");
    assertThat(TaskRouterExpression.parse("worker.languages HAS task.language").matches(root))
        .isTrue();
    assertThat(TaskRouterExpression.parse("worker.sid NOT IN task.exclude").matches(root)).isTrue();
    assertThat(
            TaskRouterExpression.parse("task.language IN worker.languages AND worker.sid == 'WK1'")
                .matches(root))
        .isTrue();
  }

  @Test
  void aReferenceEvaluatesToTheAttributeValue() {
    assertThat(TaskRouterExpression.parse("customer.name").evaluate(TASK))
        .isEqualTo("Ada Lovelace");
    assertThat(TaskRouterExpression.parse("nothing.here").evaluate(TASK)).isNull();
  }

  @Test
  void malformedExpressionsAreRejectedWithAReason() {
    assertThatThrownBy(() -> TaskRouterExpression.parse("channel == "))
        .isInstanceOf(TaskRouterExpression.Invalid.class);
    assertThatThrownBy(() -> TaskRouterExpression.parse("(a == 1"))
        .isInstanceOf(TaskRouterExpression.Invalid.class);
    assertThatThrownBy(() -> TaskRouterExpression.parse("a == 'open"))
        .isInstanceOf(TaskRouterExpression.Invalid.class);
    assertThatThrownBy(() -> TaskRouterExpression.parse("a-b == 1"))
        .isInstanceOf(TaskRouterExpression.Invalid.class);
    assertThatThrownBy(() -> TaskRouterExpression.parse("a == 1 b"))
        .isInstanceOf(TaskRouterExpression.Invalid.class);
    assertThatThrownBy(() -> TaskRouterExpression.parse(""))
        .isInstanceOf(TaskRouterExpression.Invalid.class);
  }
}
