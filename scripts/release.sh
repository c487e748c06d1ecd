#!/usr/bin/env bash
# `make release`: writes dist/ for the given platforms (Terraform's os_arch names):
#   terraform-provider-<type>_<version>_<os>_<arch>.zip   one per provider type and platform, the registry's layout
#   terraform-provider-<type>_<version>_SHA256SUMS         over that type's zips and its manifest copy
#   terraform-provider-<type>_<version>_manifest.json      = terraform-registry-manifest.json (protocol 6.0)
#   mirror/registry.terraform.io/dbt-tf/<type>/            packed filesystem mirror + network mirror JSON
#   terraform.lock.hcl                                     `terraform providers lock` over the mirror, every platform built
# Usage: scripts/release.sh VERSION DIST_DIR PLATFORM...
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECKPOINT_DISABLE=1

version=$1
dist=$2
shift 2
platforms=("$@")
types=(dbtcloud datafold)
work=$PWD/artifacts/release
started=$SECONDS

[[ ${#platforms[@]} -gt 0 ]] || { echo "no platforms given" >&2; exit 2; }
rm -rf "$dist" "$work/publish" "$work/stage" "$work/lock"
mkdir -p "$dist" "$work"

# Zip entries carry this time (the last commit's), not the build's, so a rebuild of the same commit gives the same
# archives when the executables are the same. SOURCE_DATE_EPOCH overrides it, as in other reproducible builds.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}

# Deterministic compilation is Roslyn's default; ContinuousIntegrationBuild also maps the checkout's path to /_/ so
# that where the repository lies does not end up in the binaries. The release builds in a tree of its own
# (--artifacts-path), apart from the bin/ and obj/ folders of `make build` and the tests.
common=(-c Release -nologo -v:q -p:ContinuousIntegrationBuild=true --artifacts-path "$work/build")

# NativeAOT for Linux (the arm64 one cross-linked by Debian's aarch64 gcc against its arm64 libc); NativeAOT cannot
# target another OS from Linux, so macOS and Windows get a trimmed, self-contained single file. ReadyToRun
# precompiles it where the SDK can from Linux (macOS yes, Windows no: NETSDK1095).
publish() {
  local platform=$1 out=$2
  case $platform in
    linux_amd64) args=(-r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc) ;;
    linux_arm64)
      # The ILCompiler targets pass clang's --target=<triple> when cross-compiling; gcc has no such option (the cross
      # gcc knows its target and sysroot already), so the linker is a wrapper that drops it.
      cross_gcc=$work/aarch64-linux-gnu-gcc
      printf '#!/usr/bin/env bash\nargs=()\nfor a in "$@"; do [[ $a == --target=* ]] || args+=("$a"); done\nexec aarch64-linux-gnu-gcc "${args[@]}"\n' > "$cross_gcc"
      chmod +x "$cross_gcc"
      args=(-r linux-arm64 -p:PublishAot=true -p:CppCompilerAndLinker="$cross_gcc" -p:ObjCopyName=aarch64-linux-gnu-objcopy) ;;
    darwin_arm64) args=(-r osx-arm64 "${single_file[@]}" -p:PublishReadyToRun=true) ;;
    darwin_amd64) args=(-r osx-x64 "${single_file[@]}" -p:PublishReadyToRun=true) ;;
    windows_amd64) args=(-r win-x64 "${single_file[@]}" -p:PublishReadyToRun=false) ;;
    *) echo "unknown platform $platform (known: linux_amd64 linux_arm64 darwin_arm64 darwin_amd64 windows_amd64)" >&2; exit 2 ;;
  esac
  dotnet publish src/DbtTfProvider/DbtTfProvider.csproj "${common[@]}" "${args[@]}" -o "$out"
}
# The .NET 10 SDK signs macOS executables ad hoc itself (its managed signer works on Linux too), which is what an
# arm64 Mac requires before it runs a binary at all; the release tests verify that signature.
single_file=(--self-contained -p:PublishAot=false -p:PublishSingleFile=true -p:PublishTrimmed=true
             -p:IncludeNativeLibrariesForSelfExtract=true)

manifest='{"version":1,"metadata":{"protocol_versions":["6.0"]}}'
printf '%s\n' "$manifest" > "$dist/terraform-registry-manifest.json"

for platform in "${platforms[@]}"; do
  step=$SECONDS
  out=$work/publish/$platform
  echo "==> $platform: publishing"
  publish "$platform" "$out"
  ext=""; [[ $platform == windows_* ]] && ext=.exe
  [[ -f $out/terraform-provider-dbtcloud$ext ]] || { echo "publish wrote no terraform-provider-dbtcloud$ext into $out" >&2; ls -la "$out" >&2; exit 1; }
  for type in "${types[@]}"; do
    # One executable, two personas: the file name picks the provider type (ProviderDefinition.PartsFor).
    stage=$work/stage/$type/$platform
    exe=terraform-provider-${type}_v${version}${ext}
    mkdir -p "$stage"
    install -m 0755 "$out/terraform-provider-dbtcloud$ext" "$stage/$exe"
    touch -d "@$epoch" "$stage/$exe"
    # -X: no uid/gid or extra timestamps; TZ=UTC: the DOS time in the entry does not depend on the machine's zone.
    (cd "$stage" && TZ=UTC zip -X -D -q -9 "$dist/terraform-provider-${type}_${version}_${platform}.zip" "$exe")
  done
  echo "==> $platform: done in $((SECONDS - step)) s"
done

for type in "${types[@]}"; do
  prefix=terraform-provider-${type}_${version}
  printf '%s\n' "$manifest" > "$dist/${prefix}_manifest.json"
  (cd "$dist" && sha256sum "${prefix}"_*.zip "${prefix}_manifest.json" > "${prefix}_SHA256SUMS")

  # Packed filesystem mirror (HOSTNAME/NAMESPACE/TYPE/<zip>) and, in the same folder, the provider network mirror
  # protocol's index.json and <version>.json (URLs relative to that file), so one upload serves both.
  mirror=$dist/mirror/registry.terraform.io/dbt-tf/$type
  mkdir -p "$mirror"
  printf '{"versions":{"%s":{}}}\n' "$version" > "$mirror/index.json"
  archives=""
  for platform in "${platforms[@]}"; do
    zip=${prefix}_${platform}.zip
    cp "$dist/$zip" "$mirror/$zip"
    hash=$(sha256sum "$dist/$zip" | cut -d' ' -f1)
    archives+="${archives:+,}\"$platform\":{\"url\":\"$zip\",\"hashes\":[\"zh:$hash\"]}"
  done
  printf '{"archives":{%s}}\n' "$archives" > "$mirror/$version.json"
done

# The lock file a team commits: an h1: hash (of the unpacked package) of both providers for every platform built,
# computed by Terraform itself from the packed mirror; it holds for installs from any of the mirrors, on every
# teammate's machine and CI runner.
lock=$work/lock
mkdir -p "$lock"
# The constraint the quickstart and README use ("~> MAJOR.MINOR"), so the file drops into such a configuration as is.
constraint="~> ${version%.*}"
cat > "$lock/versions.tf" <<EOF
terraform {
  required_providers {
    dbtcloud = { source = "dbt-tf/dbtcloud", version = "$constraint" }
    datafold = { source = "dbt-tf/datafold", version = "$constraint" }
  }
}
EOF
: > "$lock/empty.tfrc"
platform_args=()
for platform in "${platforms[@]}"; do platform_args+=("-platform=$platform"); done
(cd "$lock" && TF_CLI_CONFIG_FILE="$lock/empty.tfrc" TF_PLUGIN_CACHE_DIR= terraform providers lock -no-color \
  -fs-mirror="$dist/mirror" "${platform_args[@]}")
cp "$lock/.terraform.lock.hcl" "$dist/terraform.lock.hcl"

echo "==> dist/ for v$version (${platforms[*]}) written in $((SECONDS - started)) s:"
(cd "$dist" && ls -l)
