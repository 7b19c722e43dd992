#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# colourscan.sh SRC.pdf DST.pdf : 150 dpi COLOUR, red circular stamp (+ red text) partly over the first line that
# carries 全年预算数 figures on page 1, rotate ~1°, JPEG q50, img2pdf.
set -e
src=$1; dst=$2
tmp=$(mktemp -d $HERE/tmpscan.XXXX)
pdftoppm -r 150 $src $tmp/p
# locate the budget line on page 1 (pdftotext -bbox gives points; 150/72 px per pt)
read X Y <<<$(pdftotext -f 1 -l 1 -bbox $src - | python3 -c "
import sys,re
for l in sys.stdin:
    m=re.search(r'xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)<',l)
    if m and '预算' in m.group(5) and '全年' in m.group(5):
        print(int(float(m.group(1))*150/72)+330, int(float(m.group(2))*150/72)+10); break
else: print(700, 700)
")
echo "stamp centre $X,$Y"
i=0
for p in $tmp/p-*.ppm; do
  i=$((i+1)); a=1.0; [ $((i%2)) -eq 0 ] && a=-0.8
  if [ $i -eq 1 ]; then
    convert $p -fill none -stroke 'rgb(210,30,30)' -strokewidth 6 -draw "circle $X,$Y $((X+115)),$Y" \
      -stroke none -fill 'rgba(210,30,30,0.85)' -font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc -pointsize 22 \
      -draw "text $((X-95)),$((Y-40)) '桂花街道办事处'" -pointsize 60 -draw "text $((X-28)),$((Y+22)) '★'" \
      -pointsize 20 -draw "text $((X-40)),$((Y+70)) '财务专用章'" $tmp/s.ppm
    p=$tmp/s.ppm
  fi
  convert $p -background white -rotate $a -quality 50 $tmp/q-$(printf %02d $i).jpg
done
img2pdf $tmp/q-*.jpg -o $dst
rm -rf $tmp
