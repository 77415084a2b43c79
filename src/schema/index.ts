/**
 * Form schemas: the single source of truth for every form input, used by the browser forms
 * (react-hook-form + zodResolver) and re-checked by the server.
 *
 * Usage with react-hook-form (input and output types differ because of defaults):
 *   useForm<BridgeFormInput, unknown, BridgeForm>({ resolver: zodResolver(bridgeFormSchema),
 *     defaultValues: bridgeFormDefaults })
 *   then bridgeFormToModel(values, existingModel?) → InterfaceModel for the engine.
 * Server: schema.parse(body) → *ToModel(...) → modelTextProblems(model) must be empty.
 *
 * Rules every form follows: every string passes the safe-text rule (safe-text.ts); optional text
 * is '' when not set; numbers are number | undefined; objects are strict (unknown keys are errors).
 */
export * from './safe-text';
export * from './names';
export * from './net';
export * from './common';
export * from './bridge';
export * from './bond';
export * from './vlan';
export * from './eth';
export * from './setups';
export * from './to-model';
export * from './model';
export * from './model-check';
export * from './requests';
export type * from './responses';
export * from './apply-request';
