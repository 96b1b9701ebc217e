export default function Home() {
  return <main>Leastwise</main>;
}
