package dev.flexkit.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Back-office endpoint (a CRM or another system, no agent behind it): the caller must present the
 * configured {@code BACKOFFICE_API_KEY} as {@code X-Api-Key} or {@code Authorization: Bearer}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BackOfficeAuthenticated {}
