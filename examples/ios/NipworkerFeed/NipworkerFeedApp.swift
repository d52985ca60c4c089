// A SwiftUI feed over the generated Swift bindings: sign in with an nsec or a bunker:// URI, then
// a live feed of notes from the people you follow (or everyone), with profile names.
// Build the `Nipworker` Swift package with scripts/build-ios.sh and add it to an Xcode app
// target holding this file (see examples/ios/README.md).
import Nipworker
import SwiftUI

@main
struct NipworkerFeedApp: App {
    var body: some Scene { WindowGroup { ContentView() } }
}

struct Note: Identifiable {
    let id: String
    let author: String
    let text: String
}

@MainActor
final class Feed: ObservableObject {
    @Published var notes: [Note] = []
    @Published var names: [String: String] = [:]
    @Published var error: String?
    @Published var me: String?
    private var client: NostrClient?
    private var task: Task<Void, Never>?
    private let relays = ["wss://relay.damus.io", "wss://nos.lol"]

    func signIn(_ secretOrBunker: String) async {
        do {
            let client = try await NostrClient.create(config: ClientConfig(
                readRelays: relays, writeRelays: relays, indexerRelays: ["wss://purplepag.es"],
                store: .sqlite(path: Self.databasePath())))
            let signer = secretOrBunker.hasPrefix("bunker://")
                ? try SignerSpec.bunker(uri: secretOrBunker, timeoutMs: 60_000)
                : try SignerSpec.privateKey(secret: secretOrBunker)
            me = try await client.setSigner(signer: signer)
            self.client = client
            start(client)
        } catch {
            self.error = "\(error)"
        }
    }

    private func start(_ client: NostrClient) {
        task = Task {
            do {
                let feed = try await client.subscribe(
                    filters: [Filter(kinds: [0, 1], limit: 200)], options: SubscribeOptions())
                while let item = try await feed.next() {
                    guard case let .event(item) = item else { continue }
                    switch item.parsed {
                    case let .profile(profile)?:
                        names[item.event.pubkey] = profile.displayName ?? profile.name
                    case .note?:
                        notes.insert(
                            Note(id: item.event.id, author: item.event.pubkey, text: item.event.content),
                            at: 0)
                        if notes.count > 500 { notes.removeLast() }
                    default:
                        break
                    }
                }
            } catch {
                self.error = "\(error)"
            }
        }
    }

    func signOut() async {
        task?.cancel()
        try? await client?.close()
        client = nil
        me = nil
        notes = []
    }

    private static func databasePath() -> String {
        let dir = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
        return dir.appendingPathComponent("nipworker.sqlite").path
    }
}

struct ContentView: View {
    @StateObject private var feed = Feed()
    @State private var secret = ""

    var body: some View {
        NavigationStack {
            if feed.me == nil {
                Form {
                    SecureField("nsec1… or bunker://…", text: $secret)
                    Button("Sign in") { Task { await feed.signIn(secret); secret = "" } }
                    if let error = feed.error { Text(error).foregroundStyle(.red) }
                }
                .navigationTitle("nipworker")
            } else {
                List(feed.notes) { note in
                    VStack(alignment: .leading) {
                        Text(feed.names[note.author] ?? String(note.author.prefix(12))).font(.headline)
                        Text(note.text)
                    }
                }
                .navigationTitle("Feed")
                .toolbar { Button("Sign out") { Task { await feed.signOut() } } }
            }
        }
    }
}
