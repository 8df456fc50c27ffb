# Sourced by ops/lib/bootstrap.sh and by the scripts that need npm packages of their own (ops/bench/live/run).

# npm packages of a folder, reinstalled exactly from its lockfile whenever the lockfile is newer than the install.
install_npm_packages() {
    local folder="$1"
    if [ ! -d "$folder/node_modules" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules" ]; then
        echo "npm ci in $folder"
        (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
        touch "$folder/node_modules"
    fi
}
