#!/bin/sh
# Portal Kinerja: copy the built site to a web server's folder with rsync (tested by
# tests/test_deploy.py with a local folder as TARGET).
#
#   deploy/rsync.sh SITE TARGET [URL]
#   deploy/rsync.sh site kominfo@web.contoh.go.id:/var/www/portal-kinerja/site/ https://contoh.go.id/kinerja/
#
# The site is checked first (`kinerja periksa`, with URL when given: it must be `url` in
# content/portal.yml); nothing is copied when the check fails. Then only what changed is sent
# (size and time: files a build did not change keep both), files are put in place together at
# the end (--delay-updates), files gone from the site are deleted after that, and everything is
# readable by the web server's user (--chmod). The lines printed are the files sent or deleted.
set -eu
[ $# -ge 2 ] || { echo "pakai: $0 SITE TARGET [URL]" >&2; exit 2; }
site=${1%/}
kinerja=${KINERJA:-"$(dirname "$0")/../.venv/bin/kinerja"}
"$kinerja" periksa "$site" ${3:+--url "$3"}
rsync --archive --delete-delay --delay-updates --chmod=D755,F644 --itemize-changes "$site/" "$2"
