#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# scan.sh SRC_BASENAME DST_BASENAME ANGLE : 200 dpi gray, rotate (odd pages ANGLE, even pages -0.8*ANGLE),
# light Gaussian noise, JPEG q40, img2pdf (image-only); gold copied with file/render=scan
set -e
cd $HERE
src=$1; dst=$2; ang=$3
tmp=$(mktemp -d $HERE/tmpscan.XXXX)
pdftoppm -r 200 -gray corpus/$src.pdf $tmp/p
i=0
for p in $tmp/p-*.pgm; do
  i=$((i+1)); a=$ang; [ $((i%2)) -eq 0 ] && a=-$(echo "$ang*0.8" | bc)
  convert -seed $((41+i)) $p -background white -rotate $a -attenuate 0.35 +noise Gaussian -quality 40 $tmp/$(basename $p .pgm).jpg
done
img2pdf --pagesize A4 $tmp/p-*.jpg -o corpus/$dst.pdf
python3 - "$src" "$dst" <<'P'
import json,sys
s,d=sys.argv[1:]
g=json.load(open(f"corpus/{s}.gold.json"))
g["file"]=d+".pdf"; g["render"]="scan"
json.dump(g,open(f"corpus/{d}.gold.json","w"),ensure_ascii=False,indent=1)
P
rm -rf $tmp
