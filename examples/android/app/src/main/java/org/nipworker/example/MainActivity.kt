// A Jetpack Compose feed over the generated Kotlin bindings: sign in with an nsec or a bunker://
// URI, then a live feed of notes with profile names. Uses the `nipworker` library module built
// by scripts/build-android.sh (see examples/android/README.md).
package org.nipworker.example

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.mutableStateListOf
import androidx.compose.runtime.mutableStateMapOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.getValue
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.launch
import org.nipworker.*

data class Note(val id: String, val author: String, val text: String)

class FeedModel : ViewModel() {
    val notes = mutableStateListOf<Note>()
    val names = mutableStateMapOf<String, String>()
    var me by mutableStateOf<String?>(null)
    var error by mutableStateOf<String?>(null)
    private var client: NostrClient? = null
    private val relays = listOf("wss://relay.damus.io", "wss://nos.lol")

    fun signIn(secretOrBunker: String, databasePath: String) = viewModelScope.launch {
        try {
            val c = NostrClient.create(
                ClientConfig(
                    readRelays = relays, writeRelays = relays,
                    indexerRelays = listOf("wss://purplepag.es"), store = Store.Sqlite(databasePath),
                )
            )
            val signer = if (secretOrBunker.startsWith("bunker://"))
                SignerSpec.bunker(secretOrBunker, 60_000uL) else SignerSpec.privateKey(secretOrBunker)
            me = c.setSigner(signer)
            client = c
            val feed = c.subscribe(listOf(Filter(kinds = listOf(0.toUShort(), 1.toUShort()), limit = 200u)), SubscribeOptions())
            while (true) {
                val item = feed.next() ?: break
                if (item !is SubscriptionItem.Event) continue
                val event = item.item.event
                when (val parsed = item.item.parsed) {
                    is ParsedEvent.Profile ->
                        names[event.pubkey] = parsed.profile.displayName ?: parsed.profile.name ?: ""
                    is ParsedEvent.Note -> {
                        notes.add(0, Note(event.id, event.pubkey, event.content))
                        if (notes.size > 500) notes.removeAt(notes.size - 1)
                    }
                    else -> {}
                }
            }
        } catch (e: NipworkerException) {
            error = e.toString()
        }
    }

    override fun onCleared() {
        client?.close() // frees the Rust client; its subscriptions end
    }
}

class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val db = filesDir.resolve("nipworker.sqlite").path
        setContent { MaterialTheme { FeedScreen(db) } }
    }
}

@Composable
fun FeedScreen(databasePath: String, model: FeedModel = viewModel()) {
    var secret by remember { mutableStateOf("") }
    if (model.me == null) {
        Column(Modifier.padding(16.dp)) {
            OutlinedTextField(
                value = secret, onValueChange = { secret = it },
                label = { Text("nsec1… or bunker://…") },
                visualTransformation = PasswordVisualTransformation(),
            )
            Button(onClick = { model.signIn(secret, databasePath); secret = "" }) { Text("Sign in") }
            model.error?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        }
    } else {
        LazyColumn(Modifier.padding(8.dp)) {
            items(model.notes, key = { it.id }) { note ->
                Column(Modifier.padding(8.dp)) {
                    Text(model.names[note.author] ?: note.author.take(12), style = MaterialTheme.typography.titleSmall)
                    Text(note.text)
                }
            }
        }
    }
}
