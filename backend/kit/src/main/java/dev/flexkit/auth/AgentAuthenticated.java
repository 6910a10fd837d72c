package dev.flexkit.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Agent-facing endpoint: the caller must present a valid Flex token ({@code Authorization: Bearer},
 * or the seed-compatible {@code Token} query or body field). With {@code roles}, the agent must
 * also hold one of them (e.g. {@code supervisor}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AgentAuthenticated {
  String[] roles() default {};
}
