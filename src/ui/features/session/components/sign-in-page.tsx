/**
 * The sign-in page: user name and password; failures (wrong password, 429 lockouts) shown above the
 * form. Empty fields are refused here; the server checks the same fields with
 * src/schema/session.ts. The page does not import that schema: it would put zod (~33 kB gzip) in
 * the first load for two "not empty" checks.
 */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../api/sign-in';
import { signInProblem } from '../lib/sign-in-error';

export function SignInPage() {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTouched(true);
    if (!username || !password) return;
    signIn.mutate({ username, password }, { onError: () => setPassword('') });
  };
  const problem = signIn.isError ? signInProblem(signIn.error) : null;

  return (
    <Center component="main" mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={380}>
        <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2" id="sign-in-title">
                netstage
              </Title>
              <Text c="dimmed" size="sm">
                Sign in to configure this host&apos;s network.
              </Text>
            </div>
            {problem && (
              <Alert color="red" title={problem.title} role="alert">
                {problem.message}
              </Alert>
            )}
            <TextInput
              label="User name"
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={touched && !username ? 'Enter your user name.' : undefined}
            />
            <PasswordInput
              label="Password"
              name="password"
              autoComplete="current-password"
              // Not "…password…": the field alone answers to the label "Password".
              visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what is typed' }}
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={touched && !password && !problem ? 'Enter your password.' : undefined}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
