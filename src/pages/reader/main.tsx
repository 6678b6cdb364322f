// Reader tab entry point (index.html#entry=<id>).
import { mount } from '../../ui/mount';
import { ReaderApp } from './reader-app';

mount(<ReaderApp />);
