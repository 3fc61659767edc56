"use client";

import { type ChangeEvent, useRef, useState } from "react";

type Messages<Name extends string> = Partial<Record<Name, string | null>>;

/**
 * The text fields of a small form: their values, and a message per field that clears as soon as
 * the user edits that field. `field(name)` spreads onto a TextField; `check(found)` shows what
 * the client-side validation found and focuses the first field with a message.
 */
export function useFormFields<Name extends string>(initial: Record<Name, string>) {
  const [values, setValues] = useState(initial);
  const [messages, setMessages] = useState<Messages<Name>>({});
  const inputs = useRef<Partial<Record<Name, HTMLInputElement | null>>>({});

  const field = (name: Name, hint = " ") => ({
    name,
    value: values[name],
    inputRef: (input: HTMLInputElement | null) => {
      inputs.current[name] = input;
    },
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const { value } = event.target;
      setValues((v) => ({ ...v, [name]: value }));
      if (messages[name]) setMessages((m) => ({ ...m, [name]: null }));
    },
    error: Boolean(messages[name]),
    helperText: messages[name] ?? hint,
  });

  /** True when `found` holds no message; otherwise shows them and focuses the first. */
  const check = (found: Messages<Name>): boolean => {
    setMessages(found);
    const first = (Object.keys(found) as Name[]).find((name) => found[name]);
    if (first) inputs.current[first]?.focus();
    return first === undefined;
  };

  return { values, field, check, setMessages };
}
