// The generated Kotlin bindings on the JVM (JNA) against a real relay given as the first
// argument: publish with a private-key signer, receive it through a subscription, check a typed
// error, and print the events/s of next() (run by tests/bindings.rs).
import kotlin.system.exitProcess
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.nipworker.*

const val SECRET = "b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef"

fun check(condition: Boolean, message: () -> String) {
    if (!condition) {
        System.err.println("FAILED: " + message())
        exitProcess(1)
    }
}

fun options(buffer: UInt? = null) = SubscribeOptions(
    relays = null, cache = CacheMode.NO_CACHE, closeOnEose = false, preset = null,
    buffer = buffer, eoseTimeoutMs = null, includeRaw = false,
)

suspend fun untilEose(sub: Subscription) {
    repeat(10_000) {
        val item = sub.next() ?: return
        if (item is SubscriptionItem.EndOfStoredEvents && item.relay != null && item.pendingRelays == 0u) return
    }
}

fun main(args: Array<String>) = runBlocking {
    val relay = args[0]
    val client = NostrClient.create(
        ClientConfig(
            readRelays = listOf(relay), writeRelays = listOf(relay), indexerRelays = listOf(),
            store = Store.Memory, verify = true, maxConnections = null,
            publishTimeoutMs = 5000uL, eoseTimeoutMs = 5000uL,
        )
    )
    try {
        SignerSpec.privateKey("not a key")
        check(false) { "a bad key was accepted" }
    } catch (e: NipworkerException.InvalidSigner) {
        check(!e.reason.contains("not a key")) { "the secret is in the error" }
    }
    val me = client.setSigner(SignerSpec.privateKey(SECRET))
    val filter = Filter(kinds = listOf(1u.toUShort()), authors = listOf(me))
    val sub = client.subscribe(listOf(filter), options())
    withTimeout(20_000) { untilEose(sub) }
    val result = client.publishUnsigned(UnsignedEvent(kind = 1u, content = "hello from Kotlin"), null)
    check(result.relays.single().status == PublishStatus.ACCEPTED) { "not accepted: $result" }
    val got = withTimeout(20_000) {
        var found: EventItem? = null
        for (i in 0 until 10_000) {
            val item = sub.next() ?: break
            if (item is SubscriptionItem.Event && item.item.event.id == result.eventId) {
                found = item.item
                break
            }
        }
        found
    }
    check(got != null) { "the published note never arrived" }
    check(got!!.event.content == "hello from Kotlin") { "wrong content: ${got.event.content}" }
    check(got.parsed is ParsedEvent.Note) { "not parsed as a note: ${got.parsed}" }
    sub.cancel()

    // Per-event cost of the boundary: N events from the cache through next().
    val n = 2000
    for (i in 0 until n) {
        client.publishUnsigned(UnsignedEvent(kind = 1u, content = "bench $i", createdAt = null), null)
    }
    val cached = SubscribeOptions(
        relays = null, cache = CacheMode.CACHE_ONLY, closeOnEose = true, preset = null,
        buffer = (n * 2).toUInt(), eoseTimeoutMs = null, includeRaw = false,
    )
    val start = System.nanoTime()
    val all = client.subscribe(listOf(Filter(kinds = listOf(1u.toUShort()), authors = listOf(me))), cached)
    var events = 0
    withTimeout(60_000) {
        for (i in 0 until n * 2) {
            val item = all.next() ?: break
            if (item is SubscriptionItem.Event) events++
        }
    }
    val seconds = (System.nanoTime() - start) / 1e9
    check(events >= n) { "only $events of $n cached events" }
    println("kotlin next(): $events events in %.3f s = %.0f events/s".format(seconds, events / seconds))
    client.shutdown()
    println("kotlin: ok")
}
