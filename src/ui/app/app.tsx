/** The panel: the sign-in page until a session exists, then the shell (header + Network page). */
import { Alert, AppShell, Button, Center, Loader } from '@mantine/core';
import type { SessionResponse } from '../../schema/responses';
import { errorMessage } from '../api/errors';
import { SignInPage, useSession } from '../features/session';
import { AppHeader } from './header';
import { NetworkPage } from './network-page';

export function App() {
  const session = useSession();
  if (session.isPending)
    return (
      <Center component="main" h="100dvh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (session.isError)
    return (
      <Center component="main" h="100dvh" p="md">
        <Alert color="red" title="The server cannot be reached" maw={480}>
          {errorMessage(session.error)}
          <div>
            <Button mt="sm" variant="default" size="xs" onClick={() => void session.refetch()}>
              Try again
            </Button>
          </div>
        </Alert>
      </Center>
    );
  if (!session.data) return <SignInPage />;
  return <Shell session={session.data} />;
}

function Shell({ session }: { session: SessionResponse }) {
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header>
        <AppHeader session={session} />
      </AppShell.Header>
      <AppShell.Main>
        <NetworkPage />
      </AppShell.Main>
    </AppShell>
  );
}
