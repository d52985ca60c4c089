// The example app plus the `nipworker` library module that scripts/build-android.sh assembles
// (default location: $CARGO_TARGET_DIR/android/nipworker; set nipworker.dir in local.properties
// or -Pnipworker.dir=... to point elsewhere).
pluginManagement { repositories { google(); mavenCentral(); gradlePluginPortal() } }
dependencyResolutionManagement { repositories { google(); mavenCentral() } }
rootProject.name = "nipworker-example"
include(":app", ":nipworker")
val nipworkerDir = providers.gradleProperty("nipworker.dir").orNull
    ?: "${System.getenv("HOME")}/.cache/nipworker/target/android/nipworker"
project(":nipworker").projectDir = file(nipworkerDir)
