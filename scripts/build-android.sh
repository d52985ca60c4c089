#!/usr/bin/env bash
# Builds nipworker-ffi for Android with cargo-ndk for the four ABIs (arm64-v8a, armeabi-v7a,
# x86_64, x86) and assembles an AAR: jniLibs + the generated Kotlin bindings + a Gradle library
# module. Needs the Android NDK r26 or later ($ANDROID_NDK_HOME), the Android SDK
# ($ANDROID_HOME, platform 34), cargo-ndk 3.x, JDK 17 and Gradle 8. Usage:
# scripts/build-android.sh [OUT_DIR] (default: $CARGO_TARGET_DIR/android).
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nipworker/target}"
out="${1:-$CARGO_TARGET_DIR/android}"
module="$out/nipworker"

rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android \
  i686-linux-android
rm -rf "$module"
mkdir -p "$module/src/main/jniLibs" "$module/src/main/kotlin"
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -t x86 -o "$module/src/main/jniLibs" \
  build -p nipworker-ffi --lib --release
scripts/gen-bindings.sh "$out/bindings"
cp -R "$out/bindings/kotlin/." "$module/src/main/kotlin/"

cat >"$module/settings.gradle.kts" <<'GRADLE'
pluginManagement { repositories { google(); mavenCentral(); gradlePluginPortal() } }
dependencyResolutionManagement { repositories { google(); mavenCentral() } }
rootProject.name = "nipworker"
GRADLE
cat >"$module/build.gradle.kts" <<'GRADLE'
plugins {
    id("com.android.library") version "8.5.2"
    id("org.jetbrains.kotlin.android") version "2.0.20"
}
android {
    namespace = "org.nipworker"
    compileSdk = 34
    defaultConfig { minSdk = 24 }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions { jvmTarget = "17" }
}
dependencies {
    implementation("net.java.dev.jna:jna:5.14.0@aar")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.1")
}
GRADLE
echo 'android.useAndroidX=true' >"$module/gradle.properties"
(cd "$module" && gradle --no-daemon assembleRelease)
echo "build-android: AAR in $module/build/outputs/aar"
