#!/usr/bin/env bash
# Builds nipworker-ffi for iOS: static libraries for devices (aarch64-apple-ios) and simulators
# (aarch64-apple-ios-sim + x86_64-apple-ios, one fat library), an XCFramework, and a Swift
# package (Nipworker) with the generated Swift bindings. Needs macOS, Xcode 15 or later and
# rustup. Usage: scripts/build-ios.sh [OUT_DIR] (default: $CARGO_TARGET_DIR/ios).
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nipworker/target}"
out="${1:-$CARGO_TARGET_DIR/ios}"
targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
lib=libnipworker_ffi.a

rustup target add "${targets[@]}"
for target in "${targets[@]}"; do
  cargo build -p nipworker-ffi --lib --release --target "$target"
done
# The Swift file, C header and module map (generated from the host build's metadata).
scripts/gen-bindings.sh "$out/bindings"

rm -rf "$out/device" "$out/simulator" "$out/headers" "$out/Nipworker"
mkdir -p "$out/device" "$out/simulator" "$out/headers" "$out/Nipworker/Sources/Nipworker"
cp "$CARGO_TARGET_DIR/aarch64-apple-ios/release/$lib" "$out/device/"
lipo -create \
  "$CARGO_TARGET_DIR/aarch64-apple-ios-sim/release/$lib" \
  "$CARGO_TARGET_DIR/x86_64-apple-ios/release/$lib" \
  -output "$out/simulator/$lib"
cp "$out/bindings/swift/NipworkerFFI.h" "$out/headers/"
cp "$out/bindings/swift/NipworkerFFI.modulemap" "$out/headers/module.modulemap"

xcodebuild -create-xcframework \
  -library "$out/device/$lib" -headers "$out/headers" \
  -library "$out/simulator/$lib" -headers "$out/headers" \
  -output "$out/Nipworker/NipworkerFFI.xcframework"
cp "$out/bindings/swift/Nipworker.swift" "$out/Nipworker/Sources/Nipworker/"
cat >"$out/Nipworker/Package.swift" <<'SWIFT'
// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "Nipworker",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [.library(name: "Nipworker", targets: ["Nipworker"])],
    targets: [
        .binaryTarget(name: "NipworkerFFI", path: "NipworkerFFI.xcframework"),
        .target(name: "Nipworker", dependencies: ["NipworkerFFI"]),
    ]
)
SWIFT
echo "build-ios: Swift package in $out/Nipworker"
