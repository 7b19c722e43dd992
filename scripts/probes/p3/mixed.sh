#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# mixed.sh SRC.pdf DST.pdf PAGE : text PDF with page PAGE replaced by a 200 dpi gray scan (rotated 0.7°, JPEG q45)
set -e
src=$1; dst=$2; pg=$3
tmp=$(mktemp -d $HERE/tmpmix.XXXX)
pdftoppm -r 200 -gray -f $pg -l $pg $src $tmp/p
convert $tmp/p-*.pgm -background white -rotate 0.7 -quality 45 $tmp/p.jpg
w=$(pdfinfo -f $pg -l $pg $src | awk '/Page.*size/{print $4"x"$6; exit}')
img2pdf --pagesize ${w/x/ptx}pt $tmp/p.jpg -o $tmp/scan.pdf
n=$(pdfinfo $src | awk '/^Pages/{print $2}')
args="$src 1-$((pg-1)) $tmp/scan.pdf 1"
[ $pg -lt $n ] && args="$args $src $((pg+1))-z"
qpdf --empty --pages $args -- $dst
rm -rf $tmp
