export { useSession } from './api/get-session';
export { useSignOut } from './api/sign-out';
export { SignInPage } from './components/sign-in-page';
