/** The app shell: header with the product name and the main navigation. */
export function App() {
  return (
    <div class="shell">
      <header class="shell-header">
        <h1 class="brand">Reviewload</h1>
        <nav aria-label="Main">
          <a href="/">Dashboard</a>
        </nav>
      </header>
      <main class="shell-main">
        <p>Review capacity planning for engineering organisations.</p>
      </main>
    </div>
  );
}
