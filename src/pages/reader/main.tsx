// Reader tab entry point (index.html#entry=<id>&view=<list>). The last reading style is applied before the
// first render, so a dark or sepia reader never flashes white while the settings load.
import { mount } from '../../ui/mount';
import { ReaderApp } from './reader-app';
import { applyReadingStyle, cachedReadingStyle } from './reading-style';
import './reader.css';

const cached = cachedReadingStyle();
if (cached) applyReadingStyle(cached);
mount(<ReaderApp />);
