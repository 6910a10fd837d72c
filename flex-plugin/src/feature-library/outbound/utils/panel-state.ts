type Listener = (open: boolean) => void;

/** Whether the outbound panel is open; shared by the header icon and `ToggleOutboundMessagePanel`. */
export const createPanelState = () => {
  let open = false;
  const listeners = new Set<Listener>();
  return {
    isOpen: () => open,
    set(next: boolean) {
      open = next;
      listeners.forEach((listener) => listener(open));
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};

export type PanelState = ReturnType<typeof createPanelState>;

export const panelState = createPanelState();
