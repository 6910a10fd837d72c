package dev.flexkit.capability;

/**
 * One feature of the service, wired the way every other one is (in the spirit of Dropwizard's
 * bundles): it receives what it depends on in its constructor and, here, says what it adds. The
 * composition root is a list of capabilities; no one else knows how a capability is built.
 */
public interface Capability {
  void contribute(Contributions to);
}
